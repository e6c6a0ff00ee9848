using FsCheck;
using FsCheck.Fluent;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;

namespace OpenProbation.Domain.Tests.Common;

/// <summary>A date that is not 29 February, so adding whole years keeps its day and month.</summary>
public sealed record CommonDay(DateOnly Value);

/// <summary>An order length within what <see cref="OrderDetails.Validate"/> lets through for some order type.</summary>
public sealed record OrderLength(int Length, LengthUnit Unit);

/// <summary>A page request that <see cref="Paging.Create"/> accepts, drawn uniformly over the whole range.</summary>
public sealed record PageRequest(int Page, int Size);

/// <summary>An absence of up to 15 days and a range of up to 15 days starting near it, so the edges often touch.</summary>
public sealed record AbsenceProbe(DateOnly Start, int AbsenceDays, int FromOffset, int RangeDays);

/// <summary>Text near the shape of a CRN: valid ones, padded ones, and valid ones with one to three edits.</summary>
public sealed record CrnCandidate(string Text);

/// <summary>Text near the shape of a UK postcode: every outward-code pattern, any case and spacing, sometimes damaged.</summary>
public sealed record PostcodeCandidate(string Text);

/// <summary>
/// Generators for the domain's property tests. Dates stay within 1900–2100 so that adding the longest
/// sentence (100 years) never leaves <see cref="DateOnly"/>'s range.
/// </summary>
public static class DomainArbitraries
{
    private static readonly DateOnly _earliest = new(1900, 1, 1);
    private static readonly DateOnly _latest = new(2100, 12, 31);

    private static readonly char[] _upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray();
    private static readonly char[] _digits = "0123456789".ToCharArray();

    // Characters that commonly break hand-written parsers: Unicode digits and letters, odd spaces, punctuation.
    private static readonly char[] _noise =
    [
        ' ', '\t', '\n', '\u00A0', '\u2003', '-', '/', '.', '_', '\0', '0', '5', '9', 'A', 'k', 'Z',
        '\u00C9', '\u00DF', '\u0661', '\u0969', '\uFF11', '\uFF38', '\u212A',
    ];

    public static Arbitrary<DateOnly> Dates() => DateGen.ToArbitrary();

    public static Arbitrary<CommonDay> CommonDays() =>
        DateGen.Where(d => d is not { Month: 2, Day: 29 }).Select(d => new CommonDay(d)).ToArbitrary();

    public static Arbitrary<OrderLength> OrderLengths() =>
        Gen.Elements(Enum.GetValues<LengthUnit>())
            .SelectMany(unit => Gen.Choose(1, LongestInUnit(unit)).Select(n => new OrderLength(n, unit)))
            .ToArbitrary();

    public static Arbitrary<PageRequest> PageRequests() =>
        (from page in Gen.Frequency((1, Gen.Choose(1, 10)), (3, Gen.Choose(1, 1_000_000)))
         from size in Gen.Choose(1, Paging.MaxPageSize)
         select new PageRequest(page, size)).ToArbitrary();

    public static Arbitrary<AbsenceProbe> AbsenceProbes() =>
        (from start in DateGen
         from absenceDays in Gen.Choose(0, 14)
         from fromOffset in Gen.Choose(-20, 20)
         from rangeDays in Gen.Choose(0, 14)
         select new AbsenceProbe(start, absenceDays, fromOffset, rangeDays)).ToArbitrary();

    public static Arbitrary<CrnCandidate> CrnCandidates()
    {
        var letter = Gen.Elements("ABMXZabmxz".ToCharArray());
        var valid =
            from l in letter
            from ds in Gen.ArrayOf(Gen.Elements(_digits), 6)
            select l + new string(ds);
        var padded =
            from v in valid
            from left in Gen.Elements("", " ", "\t", "  ", "\u00A0")
            from right in Gen.Elements("", " ", "\n", "\u2003")
            select left + v + right;
        var edited =
            from v in valid
            from n in Gen.Choose(1, 3)
            from text in Edits(v, n)
            select text;
        var otherFirst =
            from v in valid
            from c in Gen.Elements(_noise)
            select c + v[1..];
        var any = Gen.ArrayOf(Gen.Elements(_noise.Concat(_digits).Concat(_upper).ToArray()))
            .Select(cs => new string(cs));
        return Gen.OneOf(valid, padded, edited, edited, otherFirst, any).Select(t => new CrnCandidate(t)).ToArbitrary();
    }

    public static Arbitrary<PostcodeCandidate> PostcodeCandidates()
    {
        var letter = Gen.Elements(_upper);
        var digit = Gen.Elements(_digits);
        var letterOrDigit = Gen.Elements(_upper.Concat(_digits).ToArray());

        // A9, A99, AA9, AA99, A9A, AA9A outward codes; then the inward code 9AA.
        var outward = Gen.OneOf(
            Join(letter, digit),
            Join(letter, digit, digit),
            Join(letter, letter, digit),
            Join(letter, letter, digit, digit),
            Join(letter, digit, letter),
            Join(letter, letter, digit, letter));
        var inward = Join(digit, letter, letter);
        var shaped =
            from o in outward
            from i in inward
            from gap in Gen.Elements("", " ", "  ", "\t")
            from lead in Gen.Elements("", " ")
            from lowerMask in Gen.Choose(0, 255)
            select lead + Recase(o, lowerMask) + gap + Recase(i, lowerMask >> 4);
        var damaged =
            from s in shaped
            from text in Edits(s, 1)
            select text;
        var any = Gen.ArrayOf(letterOrDigit.Or(Gen.Elements(_noise))).Select(cs => new string(cs));
        return Gen.Frequency((5, shaped), (3, damaged), (1, any)).Select(t => new PostcodeCandidate(t)).ToArbitrary();
    }

    private static Gen<DateOnly> DateGen =>
        Gen.Choose(_earliest.DayNumber, _latest.DayNumber).Select(DateOnly.FromDayNumber);

    private static int LongestInUnit(LengthUnit unit) => unit switch
    {
        LengthUnit.Days => 36_525,
        LengthUnit.Weeks => 5_218,
        LengthUnit.Months => OrderRules.LongestTermMonths,
        LengthUnit.Years => OrderRules.LongestTermMonths / 12,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    private static Gen<string> Join(params Gen<char>[] parts) =>
        Gen.CollectToArray(parts).Select(cs => new string(cs));

    private static string Recase(string text, int mask) =>
        string.Concat(text.Select((c, i) => ((mask >> i) & 1) == 1 ? char.ToLowerInvariant(c) : c));

    // Applies n random single-character edits: insert, delete or replace with a noise character.
    private static Gen<string> Edits(string start, int n)
    {
        var gen = Gen.Constant(start);
        for (var i = 0; i < n; i++)
        {
            gen = gen.SelectMany(Edit);
        }

        return gen;
    }

    private static Gen<string> Edit(string text) =>
        from kind in Gen.Choose(0, 2)
        from at in Gen.Choose(0, text.Length)
        from c in Gen.Elements(_noise)
        select kind switch
        {
            0 => text.Insert(at, c.ToString()),
            1 when at < text.Length => text.Remove(at, 1),
            _ when at < text.Length => string.Concat(text.AsSpan(0, at), c.ToString(), text.AsSpan(at + 1)),
            _ => text + c,
        };
}
