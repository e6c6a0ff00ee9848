using System.Globalization;
using System.Text;

namespace OpenProbation.Domain.Letters;

/// <summary>
/// Writes a <see cref="Letter"/> as a PDF 1.4 document by hand: A4 pages, the standard Helvetica and Helvetica-Bold
/// fonts (every PDF reader has them, so nothing is embedded), text in WinAnsi encoding wrapped to the margins by the
/// fonts' real advance widths, and as many pages as the text needs. The same letter always gives the same bytes: there
/// is no timestamp but the letter's own date.
/// </summary>
public static class LetterPdf
{
    /// <summary>A4 width in points.</summary>
    public const double PageWidth = 595;

    /// <summary>A4 height in points.</summary>
    public const double PageHeight = 842;

    /// <summary>The margin on every side, in points: one inch.</summary>
    public const double Margin = 72;

    /// <summary>The width text is wrapped to, in points.</summary>
    public const double TextWidth = PageWidth - (2 * Margin);

    /// <summary>The size of the body text, in points.</summary>
    public const double BodySize = 11;

    private const double BodyLeading = 15;
    private const double HeadingSize = 13;
    private const double HeadingLeading = 18;
    private const double FooterSize = 9;
    private const double FooterBaseline = 40;

    // Helvetica advance widths (Adobe's core 14 AFM, units of 1/1000 em) for WinAnsi codes 32 to 255, 16 a row. The codes
    // WinAnsi leaves undefined (127, 129, 141, 143, 144, 157) are 0: Encode never writes them.
    private static readonly short[] _regular =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 32  space ! " # $ % & ' ( ) * + , - . /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 48  0-9 : ; < = > ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 64  @ A-O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 80  P-Z [ \ ] ^ _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 96  ` a-o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,   // 112 p-z { | } ~
        556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,    // 128 € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž
        0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,   // 144 ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ
        278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160 nbsp ¡ ¢ £ ¤ ¥ ¦ § ¨ © ª « ¬ shy ® ¯
        400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176 ° ± ² ³ ´ µ ¶ · ¸ ¹ º » ¼ ½ ¾ ¿
        667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192 À-Å Æ Ç È-Ë Ì-Ï
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208 Ð Ñ Ò-Ö × Ø Ù-Ü Ý Þ ß
        556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 224 à-å æ ç è-ë ì-ï
        556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // 240 ð ñ ò-ö ÷ ø ù-ü ý þ ÿ
    ];

    // Helvetica-Bold, likewise.
    private static readonly short[] _bold =
    [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,
        556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
        0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
        278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
        400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
        722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
        556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
        611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
    ];

    /// <summary>
    /// Renders the letter: the service name and the letter's date at the top, the address, the title in bold, the
    /// salutation, the paragraphs and the sign-off with the name under it; "Page n of N" at the foot when it runs to
    /// more than one page.
    /// </summary>
    public static byte[] Render(Letter letter, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var layout = new Layout();
        var date = Encode(letter.LetterDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        var dateWidth = WidthOf(date, false, BodySize);

        // The service name wraps short of the date, which shares its first line on the right.
        var service = Wrap(serviceName ?? "", true, HeadingSize, TextWidth - dateWidth - 12);
        var top = layout.Place(service.Count > 0 ? service[0] : [], true, HeadingSize, HeadingLeading);
        layout.PlaceAt(date, false, BodySize, PageWidth - Margin - dateWidth, top);
        foreach (var line in service.Skip(1))
        {
            layout.Place(line, true, HeadingSize, HeadingLeading);
        }

        layout.Gap(24);
        layout.Paragraph(letter.Addressee, false, BodySize, BodyLeading);
        foreach (var line in letter.AddressLines)
        {
            layout.Paragraph(line, false, BodySize, BodyLeading);
        }

        layout.Gap(24);
        layout.Paragraph(letter.Title, true, HeadingSize, HeadingLeading);
        layout.Gap(12);
        layout.Paragraph(letter.Salutation, false, BodySize, BodyLeading);
        foreach (var paragraph in letter.Paragraphs)
        {
            layout.Gap(8);
            layout.Paragraph(paragraph, false, BodySize, BodyLeading);
        }

        layout.Gap(16);
        layout.Paragraph(letter.SignOff, false, BodySize, BodyLeading);
        layout.Gap(30);
        layout.Paragraph(letter.SignedBy, false, BodySize, BodyLeading);
        return Write(layout.Pages);
    }

    /// <summary>
    /// The text in WinAnsi (Windows-1252) bytes, as the fonts are encoded: Latin-1 letters and the typographic
    /// characters WinAnsi has (‘ ’ “ ” – — … • € and the like) keep their codes; tabs and line breaks become spaces; soft
    /// hyphens are left out; any other character, a control character or an emoji, becomes one '?'.
    /// </summary>
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new List<byte>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            // A soft hyphen only marks where a word may break; lines break at spaces here, so it is not printed.
            if (rune.Value != 0xAD)
            {
                bytes.Add(ToWinAnsi(rune.Value));
            }
        }

        return [.. bytes];
    }

    /// <summary>The advance width, in points, of WinAnsi text in Helvetica (or Helvetica-Bold) at a size, without kerning (the writer does not kern).</summary>
    public static double WidthOf(ReadOnlySpan<byte> winAnsi, bool bold, double size) => Points(Units(winAnsi, bold), size);

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/> points by <see cref="WidthOf"/>: at spaces where it
    /// can, inside a word only when the word alone is too wide; a line break in the text starts a new line. Runs of
    /// spaces count as one.
    /// </summary>
    public static IReadOnlyList<byte[]> Wrap(string text, bool bold, double size, double width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var widths = bold ? _bold : _regular;
        var spaceUnits = widths[0];
        var lines = new List<byte[]>();
        foreach (var segment in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = new List<byte>();
            var lineUnits = 0;
            void Break()
            {
                lines.Add([.. line]);
                line.Clear();
                lineUnits = 0;
            }

            foreach (var word in Words(Encode(segment)))
            {
                var wordUnits = Units(word, bold);
                if (line.Count > 0 && Points(lineUnits + spaceUnits + wordUnits, size) <= width)
                {
                    line.Add((byte)' ');
                    line.AddRange(word);
                    lineUnits += spaceUnits + wordUnits;
                    continue;
                }

                if (line.Count > 0)
                {
                    Break();
                }

                // A word wider than the line is cut where it reaches the margin; one character always fits.
                foreach (var b in word)
                {
                    if (line.Count > 0 && Points(lineUnits + widths[b - 32], size) > width)
                    {
                        Break();
                    }

                    line.Add(b);
                    lineUnits += widths[b - 32];
                }
            }

            lines.Add([.. line]);
        }

        // A blank text is no line at all; a blank line within text stays, as space.
        return lines.Count == 1 && lines[0].Length == 0 ? [] : lines;
    }

    private static IEnumerable<byte[]> Words(byte[] text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == (byte)' ')
            {
                if (i > start)
                {
                    yield return text[start..i];
                }

                start = i + 1;
            }
        }
    }

    // Widths add up in whole font units, so a line measured in pieces and measured whole give the same points.
    private static int Units(ReadOnlySpan<byte> winAnsi, bool bold)
    {
        var widths = bold ? _bold : _regular;
        var units = 0;
        foreach (var b in winAnsi)
        {
            units += b >= 32 ? widths[b - 32] : 0;
        }

        return units;
    }

    private static double Points(int units, double size) => units * size / 1000;

    private static byte ToWinAnsi(int c) => c switch
    {
        '\t' or '\n' or '\r' => (byte)' ',
        >= 32 and <= 126 => (byte)c,
        >= 160 and <= 255 => (byte)c, // WinAnsi is Latin-1 from 160 up
        0x20AC => 0x80, // €
        0x201A => 0x82, // ‚
        0x0192 => 0x83, // ƒ
        0x201E => 0x84, // „
        0x2026 => 0x85, // …
        0x2020 => 0x86, // †
        0x2021 => 0x87, // ‡
        0x02C6 => 0x88, // ˆ
        0x2030 => 0x89, // ‰
        0x0160 => 0x8A, // Š
        0x2039 => 0x8B, // ‹
        0x0152 => 0x8C, // Œ
        0x017D => 0x8E, // Ž
        0x2018 => 0x91, // ‘
        0x2019 => 0x92, // ’
        0x201C => 0x93, // “
        0x201D => 0x94, // ”
        0x2022 => 0x95, // •
        0x2013 => 0x96, // –
        0x2014 => 0x97, // —
        0x02DC => 0x98, // ˜
        0x2122 => 0x99, // ™
        0x0161 => 0x9A, // š
        0x203A => 0x9B, // ›
        0x0153 => 0x9C, // œ
        0x017E => 0x9E, // ž
        0x0178 => 0x9F, // Ÿ
        _ => (byte)'?',
    };

    private static byte[] Write(List<List<PlacedLine>> pages)
    {
        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Ascii(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        void Object(string body)
        {
            offsets.Add(pdf.Position);
            Ascii(string.Create(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{body}\nendobj\n"));
        }

        // The second line's high bytes tell transfer tools the file is binary (PDF 1.4, section 3.4.1).
        Ascii("%PDF-1.4\n%");
        pdf.Write([0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);

        // Objects 1 to 4 are the catalogue, the page tree and the two fonts; each page is then its page and its content.
        var kids = string.Join(" ", pages.Select((_, i) => Number(5 + (2 * i)) + " 0 R"));
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object($"<< /Type /Pages /Kids [{kids}] /Count {Number(pages.Count)} >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        for (var i = 0; i < pages.Count; i++)
        {
            Object($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {Number(PageWidth)} {Number(PageHeight)}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {Number(6 + (2 * i))} 0 R >>");
            var content = Content(pages[i], i + 1, pages.Count);
            offsets.Add(pdf.Position);
            Ascii($"{Number(offsets.Count)} 0 obj\n<< /Length {Number(content.Length)} >>\nstream\n");
            pdf.Write(content);
            Ascii("\nendstream\nendobj\n");
        }

        var xref = pdf.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF");
        Ascii(table.ToString());
        return pdf.ToArray();
    }

    private static byte[] Content(List<PlacedLine> lines, int page, int pageCount)
    {
        var content = new List<byte>();
        void Text(PlacedLine line)
        {
            if (line.Text.Length == 0)
            {
                return;
            }

            content.AddRange(Encoding.ASCII.GetBytes($"BT /{(line.Bold ? "F2" : "F1")} {Number(line.Size)} Tf {Number(line.X)} {Number(line.Y)} Td ("));
            foreach (var b in line.Text)
            {
                if (b is (byte)'(' or (byte)')' or (byte)'\\')
                {
                    content.Add((byte)'\\');
                }

                content.Add(b);
            }

            content.AddRange(") Tj ET\n"u8);
        }

        foreach (var line in lines)
        {
            Text(line);
        }

        if (pageCount > 1)
        {
            var footer = Encode(string.Create(CultureInfo.InvariantCulture, $"Page {page} of {pageCount}"));
            Text(new PlacedLine(footer, false, FooterSize, (PageWidth - WidthOf(footer, false, FooterSize)) / 2, FooterBaseline));
        }

        return [.. content];
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private sealed record PlacedLine(byte[] Text, bool Bold, double Size, double X, double Y);

    // Lays lines down the page from the top margin, starting a new page when the next would cross the bottom one.
    private sealed class Layout
    {
        private const double Top = PageHeight - Margin;
        private double _y = Top;

        public List<List<PlacedLine>> Pages { get; } = [[]];

        private bool AtTop => _y >= Top;

        public double Place(byte[] text, bool bold, double size, double leading)
        {
            // The baseline sits a font size below the top of the line, so capitals stay inside the margin.
            if (_y - size < Margin && !AtTop)
            {
                Pages.Add([]);
                _y = Top;
            }

            var baseline = _y - size;
            PlaceAt(text, bold, size, Margin, baseline);
            _y -= leading;
            return baseline;
        }

        public void PlaceAt(byte[] text, bool bold, double size, double x, double baseline) =>
            Pages[^1].Add(new PlacedLine(text, bold, size, x, baseline));

        public void Paragraph(string text, bool bold, double size, double leading)
        {
            foreach (var line in Wrap(text ?? "", bold, size, TextWidth))
            {
                Place(line, bold, size, leading);
            }
        }

        // Space between blocks; none at the top of a page, where it would only push the text down.
        public void Gap(double points)
        {
            if (!AtTop)
            {
                _y -= points;
            }
        }
    }
}
