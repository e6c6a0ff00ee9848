using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Letters;

namespace OpenProbation.Domain.Tests.Letters;

/// <summary>Issue 6 line 7: letters as PDF, checked the way a reader would read the file.</summary>
public class LetterPdfTests
{
    private const string Service = "OpenProbation Probation Service";

    private static Letter Letter(params string[] paragraphs) => new()
    {
        Kind = LetterKind.Warning,
        EventKey = LetterEvents.Warning(45),
        Title = "Formal warning",
        Addressee = "Sam Smith",
        AddressLines = ["12 Mill Lane", "Stafford", "ST16 2AA"],
        Salutation = "Dear Sam Smith",
        Paragraphs = [.. paragraphs],
        SignOff = "Yours sincerely",
        SignedBy = "Alex Jones",
        LetterDate = new DateOnly(2026, 3, 3),
    };

    [Fact]
    public void A_letter_is_a_well_formed_pdf_1_4_file_on_one_a4_page()
    {
        var pdf = LetterPdf.Render(Letter("This is a formal warning about your community order."), Service);

        var file = PdfFile.Read(pdf);

        Assert.StartsWith("%PDF-1.4\n", file.Text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF", file.Text, StringComparison.Ordinal);
        Assert.Equal(1, file.PageCount);
        Assert.Contains("/MediaBox [0 0 595 842]", file.Text, StringComparison.Ordinal);
        Assert.Contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding", file.Text, StringComparison.Ordinal);
        Assert.Contains("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding", file.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 1 of", file.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_layout_runs_service_and_date_address_title_in_bold_salutation_paragraphs_sign_off()
    {
        var lines = PdfFile.Read(LetterPdf.Render(Letter("First paragraph.", "Second paragraph."), Service)).Lines.ToList();

        Assert.Equal(
            [Service, "3 March 2026", "Sam Smith", "12 Mill Lane", "Stafford", "ST16 2AA", "Formal warning", "Dear Sam Smith",
             "First paragraph.", "Second paragraph.", "Yours sincerely", "Alex Jones"],
            lines.Select(l => l.Text));
        Assert.Equal((true, false, true), (lines[0].Bold, lines[1].Bold, lines[6].Bold));
        Assert.Equal(lines[0].Y, lines[1].Y);
        Assert.Equal(LetterPdf.PageWidth - LetterPdf.Margin, lines[1].X + LetterPdf.WidthOf(lines[1].Bytes, false, lines[1].Size), 6);
        Assert.True(lines.Skip(1).Zip(lines.Skip(2)).All(p => p.First.Y > p.Second.Y), "each block is below the one before");
    }

    [Fact]
    public void The_same_letter_gives_the_same_bytes()
    {
        Assert.Equal(LetterPdf.Render(Letter("Some words."), Service), LetterPdf.Render(Letter("Some words."), Service));
    }

    [Fact]
    public void A_long_letter_runs_to_more_pages_each_numbered()
    {
        var paragraph = string.Join(" ", Enumerable.Repeat("You must keep attending all your appointments.", 12));

        var file = PdfFile.Read(LetterPdf.Render(Letter([.. Enumerable.Repeat(paragraph, 12)]), Service));

        Assert.True(file.PageCount > 1, $"{file.PageCount} page(s)");
        Assert.Equal(file.PageCount, file.Pages.Count);
        Assert.All(file.Pages.Select((lines, i) => (lines, i)), p => Assert.Equal($"Page {p.i + 1} of {file.PageCount}", p.lines[^1].Text));
        Assert.All(file.Lines, l => Assert.True(l.Y >= LetterPdf.Margin || l.Text.StartsWith("Page ", StringComparison.Ordinal), $"{l.Text} at {l.Y}"));
        Assert.Equal("Alex Jones", file.Pages[^1][^2].Text);
    }

    [Fact]
    public void Parentheses_and_backslashes_are_escaped()
    {
        var file = PdfFile.Read(LetterPdf.Render(Letter(@"See (a) and \b)"), Service));

        Assert.Contains(@"(See \(a\) and \\b\)) Tj", file.Text, StringComparison.Ordinal);
        Assert.Contains(@"See (a) and \b)", file.Lines.Select(l => l.Text));
    }

    [Fact]
    public void Winansi_typography_keeps_its_codes_and_other_characters_become_a_question_mark()
    {
        byte[] typography = [0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x85, 0xA3, 0x80, 0x95, 0xE9];
        Assert.Equal(typography, LetterPdf.Encode("‘’“”–—…£€•é"));
        Assert.Equal("?a?b?c??", Encoding.Latin1.GetString(LetterPdf.Encode("\u0394a\U0001F600b\u0000c\u4E2D\uD800")));
        Assert.Equal("a b c", Encoding.Latin1.GetString(LetterPdf.Encode("a\tb\nc")));
        Assert.Equal("probation", Encoding.Latin1.GetString(LetterPdf.Encode("pro\u00ADba\u00ADtion")));

        var file = PdfFile.Read(LetterPdf.Render(Letter("Costs £5 \u2014 Ω"), Service));
        Assert.Contains("Costs \u00A35 \u0097 ?", file.Lines.Select(l => l.Text));
    }

    [Fact]
    public void Widths_are_helvetica_s_own()
    {
        // From the AFM: H 722, e 556, l 222, o 556; bold H 722, e 556, l 278, o 611.
        Assert.Equal(2.278 * 10, LetterPdf.WidthOf(LetterPdf.Encode("Hello"), false, 10), 9);
        Assert.Equal(2.445 * 10, LetterPdf.WidthOf(LetterPdf.Encode("Hello"), true, 10), 9);
    }

    [Fact]
    public void Text_wraps_at_spaces_and_a_word_wider_than_the_line_is_cut()
    {
        var lines = LetterPdf.Wrap("aaa bbb ccc", false, 10, LetterPdf.WidthOf(LetterPdf.Encode("aaa bbb"), false, 10));
        Assert.Equal(["aaa bbb", "ccc"], lines.Select(l => Encoding.Latin1.GetString(l)));

        var cut = LetterPdf.Wrap(new string('W', 100), false, 11, LetterPdf.TextWidth);
        Assert.True(cut.Count > 1);
        Assert.Equal(100, cut.Sum(l => l.Length));
        Assert.All(cut, l => Assert.True(LetterPdf.WidthOf(l, false, 11) <= LetterPdf.TextWidth));

        Assert.Equal(["one", "", "two"], LetterPdf.Wrap("one\r\n\ntwo", false, 11, LetterPdf.TextWidth).Select(l => Encoding.Latin1.GetString(l)));
        Assert.Empty(LetterPdf.Wrap("   ", false, 11, LetterPdf.TextWidth));
    }

    private static readonly char[] _alphabet = "abcdefghij ABC  WWW mmm 0123 ()\\\t\n\r€‘’“”–—…£é\u00A0\u00AD\u0000\u0007\u0394\u4E2D\uD83D\uDE00".ToCharArray();

    private static Arbitrary<string[]> Paragraphs() =>
        Gen.Elements(_alphabet).ArrayOf().Select(cs => new string(cs)).ArrayOf().ToArbitrary();

    [Property(MaxTest = 150)]
    public Property Whatever_the_text_the_file_stays_well_formed_and_inside_the_margins() =>
        Prop.ForAll(Paragraphs(), Gen.Elements(_alphabet).ArrayOf().Select(cs => new string(cs)).ToArbitrary(), (paragraphs, title) =>
        {
            var letter = Letter(paragraphs);
            letter.Title = title;
            var file = PdfFile.Read(LetterPdf.Render(letter, Service));
            return file.Pages.Count == file.PageCount
                && file.Lines.All(l => LetterPdf.WidthOf(l.Bytes, l.Bold, l.Size) <= LetterPdf.TextWidth
                    && l.X >= LetterPdf.Margin - 1e-9
                    && l.X + LetterPdf.WidthOf(l.Bytes, l.Bold, l.Size) <= LetterPdf.PageWidth - LetterPdf.Margin + 1e-9
                    && l.Bytes.All(b => b >= 32));
        });

    [Property(MaxTest = 300)]
    public Property Wrapping_loses_no_text_and_keeps_every_line_within_the_width() =>
        Prop.ForAll(Gen.Elements(_alphabet).ArrayOf().Select(cs => new string(cs)).ToArbitrary(), Gen.Choose(15, 451).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(),
            (text, width, bold) =>
            {
                var lines = LetterPdf.Wrap(text, bold, LetterPdf.BodySize, width);
                var printed = lines.SelectMany(l => l).Where(b => b != (byte)' ');
                var given = LetterPdf.Encode(text).Where(b => b != (byte)' ');
                return printed.SequenceEqual(given) && lines.All(l => LetterPdf.WidthOf(l, bold, LetterPdf.BodySize) <= width);
            });
}

/// <summary>One line of text as the content stream draws it.</summary>
internal sealed record PdfLine(bool Bold, double Size, double X, double Y, byte[] Bytes)
{
    public string Text => Encoding.Latin1.GetString(Bytes);
}

/// <summary>
/// Reads back what <see cref="LetterPdf"/> writes, failing on any structural fault: the header, the trailer, an xref
/// entry that does not point at its object, a stream whose /Length is not its byte length.
/// </summary>
internal sealed partial class PdfFile
{
    private PdfFile(string text, int pageCount, List<List<PdfLine>> pages)
    {
        Text = text;
        PageCount = pageCount;
        Pages = pages;
    }

    /// <summary>The file as Latin-1, one character a byte, so offsets are byte offsets.</summary>
    public string Text { get; }

    /// <summary>The page tree's /Count.</summary>
    public int PageCount { get; }

    /// <summary>Each content stream's lines, in order.</summary>
    public List<List<PdfLine>> Pages { get; }

    public IEnumerable<PdfLine> Lines => Pages.SelectMany(p => p);

    public static PdfFile Read(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-1.4\n", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF", text, StringComparison.Ordinal);

        var startxref = StartXref().Match(text);
        Assert.True(startxref.Success, "startxref at the end");
        var xref = int.Parse(startxref.Groups[1].Value, CultureInfo.InvariantCulture);
        var header = XrefHeader().Match(text, xref);
        Assert.True(header.Success && header.Index == xref, "startxref points at the xref table");
        var size = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
        var entries = header.Index + header.Length;
        Assert.Equal("0000000000 65535 f \n", text.Substring(entries, 20));
        for (var i = 1; i < size; i++)
        {
            var entry = text.Substring(entries + (20 * i), 20);
            Assert.Matches(XrefEntry(), entry);
            var offset = int.Parse(entry[..10], CultureInfo.InvariantCulture);
            Assert.Equal($"{i} 0 obj\n", text.Substring(offset, $"{i} 0 obj\n".Length));
        }

        Assert.Contains($"/Size {size} /Root 1 0 R", text, StringComparison.Ordinal);
        Assert.Equal(size - 1, ObjectStart().Count(text));

        var pages = new List<List<PdfLine>>();
        foreach (Match stream in StreamStart().Matches(text))
        {
            var length = int.Parse(stream.Groups[1].Value, CultureInfo.InvariantCulture);
            var start = stream.Index + stream.Length;
            Assert.Equal("\nendstream", text.Substring(start + length, "\nendstream".Length));
            pages.Add(ReadLines(pdf.AsSpan(start, length).ToArray()));
        }

        var count = int.Parse(PageTreeCount().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        return new PdfFile(text, count, pages);
    }

    private static List<PdfLine> ReadLines(byte[] content)
    {
        var text = Encoding.Latin1.GetString(content);
        var lines = new List<PdfLine>();
        var at = 0;
        while (TextStart().Match(text, at) is { Success: true } line)
        {
            var bytes = new List<byte>();
            var i = line.Index + line.Length;
            for (; content[i] != (byte)')'; i++)
            {
                if (content[i] == (byte)'(')
                {
                    Assert.Fail("an unescaped ( in a string");
                }

                bytes.Add(content[i] == (byte)'\\' ? content[++i] : content[i]);
            }

            Assert.Equal(") Tj ET\n", text.Substring(i, ") Tj ET\n".Length));
            lines.Add(new PdfLine(line.Groups[1].Value == "2", Number(line.Groups[2]), Number(line.Groups[3]), Number(line.Groups[4]), [.. bytes]));
            at = i;
        }

        Assert.Equal(lines.Count, Regex.Count(text, "BT "));
        return lines;
    }

    private static double Number(Group group) => double.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"xref\n0 (\d+)\n")]
    private static partial Regex XrefHeader();

    [GeneratedRegex(@"^\d{10} 00000 n \n$")]
    private static partial Regex XrefEntry();

    [GeneratedRegex(@"(?m)^\d+ 0 obj\n")]
    private static partial Regex ObjectStart();

    [GeneratedRegex(@"<< /Length (\d+) >>\nstream\n")]
    private static partial Regex StreamStart();

    [GeneratedRegex(@"/Type /Pages /Kids \[[^\]]*\] /Count (\d+)")]
    private static partial Regex PageTreeCount();

    [GeneratedRegex(@"BT /F([12]) ([\d.]+) Tf ([\d.]+) ([\d.]+) Td \(")]
    private static partial Regex TextStart();
}
