namespace OpenProbation.Domain.Contacts;

/// <summary>
/// The contact standards OpenProbation ships with, for the two tiering policies in use: England and Wales tiers
/// (protect level A to D, change level 0 to 3, e.g. <c>B2</c>) and BRAG ratings (<c>RED</c>, <c>AMBER</c>, <c>GREEN</c>,
/// <c>BLUE</c>). They are defaults: an organisation records its own policy, effective from a date, where its standards
/// differ (PRACTICE.md introduction: make the rule configurable and keep this value as the default).
/// <para>Sources, from PRACTICE.md section 3:</para>
/// <list type="bullet">
/// <item>"Red cases are seen every week": RED, and tier A, the highest protect level, are weekly and face to face every time.</item>
/// <item>A new contractual requirement "demanded minimum face-to-face contact in nearly every case", after hub officers
/// held up to 162 cases contacted every 30 days by telephone and one in four people in Gwent got a telephone call every
/// six weeks. So no tier is telephone-only: even the lowest (C, D, GREEN) must be seen face to face for half their
/// contacts and at least every 28 days, and BLUE for at least one contact in three.</item>
/// <item>B and AMBER sit between: fortnightly, three in four face to face.</item>
/// <item>Induction within 5 working days of the start everywhere: Crest recommendation 10 (section 2) asks for requirements
/// to start the week after sentence, and people were turned away from induction because their case was not allocated.</item>
/// <item>A case with no tier, or a tier the policy does not know, gets the highest standard (A or RED) until it is
/// assessed: "a rating must follow the assessment, never the diary" (section 3), so a missing rating must not lower contact.</item>
/// </list>
/// </summary>
public static class ContactStandardDefaults
{
    /// <summary>
    /// When the defaults start: the beginning of the calendar, so they apply to any date until an organisation records a
    /// policy of its own from a later date.
    /// </summary>
    public static readonly DateOnly EffectiveFrom = DateOnly.MinValue;

    /// <summary>Protect level A (and RED): every 7 days, every contact face to face, telephone does not count.</summary>
    public static ContactStandard Weekly { get; } = new(7, 1m, telephoneMayStandIn: false);

    /// <summary>Protect level B (and AMBER): every 14 days, three in four face to face, telephone may stand in.</summary>
    public static ContactStandard Fortnightly { get; } = new(14, 0.75m, telephoneMayStandIn: true);

    /// <summary>Protect levels C and D (and GREEN): every 28 days, half face to face, telephone may stand in.</summary>
    public static ContactStandard FourWeekly { get; } = new(28, 0.5m, telephoneMayStandIn: true);

    /// <summary>
    /// BLUE: every 28 days, at least one contact in three face to face, telephone may stand in. The share is exactly a
    /// third: 34% would refuse one face-to-face contact in three, which is 33.3%.
    /// </summary>
    public static ContactStandard FourWeeklyOneInThree { get; } = new(28, 1m / 3m, telephoneMayStandIn: true);

    /// <summary>England and Wales tiers by protect letter, so <c>A0</c> to <c>A3</c> all take A's standard.</summary>
    public static ContactStandardPolicy EnglandAndWales { get; } = new(
        "England and Wales tiers",
        1,
        EffectiveFrom,
        new Dictionary<string, ContactStandard>(StringComparer.Ordinal)
        {
            ["A"] = Weekly,
            ["B"] = Fortnightly,
            ["C"] = FourWeekly,
            ["D"] = FourWeekly,
        },
        fallback: Weekly);

    /// <summary>BRAG ratings (PRACTICE.md section 3).</summary>
    public static ContactStandardPolicy Brag { get; } = new(
        "BRAG ratings",
        1,
        EffectiveFrom,
        new Dictionary<string, ContactStandard>(StringComparer.Ordinal)
        {
            ["RED"] = Weekly,
            ["AMBER"] = Fortnightly,
            ["GREEN"] = FourWeekly,
            ["BLUE"] = FourWeeklyOneInThree,
        },
        fallback: Weekly);

    /// <summary>A schedule holding only <see cref="EnglandAndWales"/>.</summary>
    public static ContactStandardSchedule EnglandAndWalesSchedule { get; } = new([EnglandAndWales]);

    /// <summary>A schedule holding only <see cref="Brag"/>.</summary>
    public static ContactStandardSchedule BragSchedule { get; } = new([Brag]);
}
