using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OpenProbation.Web.Features.Govuk;

/// <summary>
/// GOV.UK Design System form fields as tag helpers, so every form shows its label, hint, error message and the
/// text the user typed in the same way. Form properties are strings: what the user typed comes back exactly.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The property the field edits, e.g. <c>Input.FirstName</c>.</summary>
    public ModelExpression For { get; set; } = null!;

    public string? Label { get; set; }

    public string? Hint { get; set; }

    /// <summary>Shows the label as the page heading (a one-question page).</summary>
    public bool LabelIsHeading { get; set; }

    protected string Name => For.Name;

    protected string Id => FieldIds.For(For.Name);

    protected IReadOnlyList<string> Errors =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    /// <summary>The typed value (after a post), else the model's value.</summary>
    protected string Value =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is { } attempted
            ? attempted
            : Convert.ToString(For.Model, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    protected static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    protected string HintAndError(out string describedBy)
    {
        var ids = new List<string>();
        var html = new System.Text.StringBuilder();
        if (!string.IsNullOrEmpty(Hint))
        {
            ids.Add(Id + "-hint");
            html.Append($"<div id=\"{Id}-hint\" class=\"govuk-hint\">{E(Hint)}</div>");
        }

        if (Errors.Count > 0)
        {
            ids.Add(Id + "-error");
            html.Append($"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(string.Join(". ", Errors))}</p>");
        }

        describedBy = ids.Count > 0 ? $" aria-describedby=\"{string.Join(' ', ids)}\"" : "";
        return html.ToString();
    }

    protected string LabelHtml() => LabelIsHeading
        ? $"<h1 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--l\" for=\"{Id}\">{E(Label)}</label></h1>"
        : $"<label class=\"govuk-label\" for=\"{Id}\">{E(Label)}</label>";

    protected void Render(TagHelperOutput output, string inner)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Errors.Count > 0 ? "govuk-form-group govuk-form-group--error" : "govuk-form-group");
        output.Content.SetHtmlContent(inner);
    }
}

/// <summary>Element ids for form fields, shared by the fields and the error summary that links to them.</summary>
public static class FieldIds
{
    public static string For(string name) => TagBuilder.CreateSanitizedId(name, "_");
}

/// <summary><c>&lt;govuk-input for="Input.FirstName" label="First name" /&gt;</c></summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    public string Type { get; set; } = "text";

    /// <summary>A GOV.UK width class suffix: 2, 3, 4, 5, 10, 20, 30, or one-half, two-thirds…</summary>
    public string? Width { get; set; }

    public string? Autocomplete { get; set; }

    public string? Inputmode { get; set; }

    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var hint = HintAndError(out var describedBy);
        var width = Width is null ? "" : char.IsDigit(Width[0]) ? $" govuk-input--width-{Width}" : $" govuk-!-width-{Width}";
        var error = Errors.Count > 0 ? " govuk-input--error" : "";
        var extra = (Autocomplete is null ? "" : $" autocomplete=\"{E(Autocomplete)}\"")
            + (Inputmode is null ? "" : $" inputmode=\"{E(Inputmode)}\"")
            + (Spellcheck ? "" : " spellcheck=\"false\"");
        // A password is never sent back to the browser, not even the one just typed.
        var value = Type == "password" ? "" : Value;
        Render(output, LabelHtml() + hint
            + $"<input class=\"govuk-input{width}{error}\" id=\"{Id}\" name=\"{E(Name)}\" type=\"{E(Type)}\" value=\"{E(value)}\"{describedBy}{extra}>");
    }
}

/// <summary><c>&lt;govuk-textarea for="Input.Reason" label="Reason" /&gt;</c></summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var hint = HintAndError(out var describedBy);
        var error = Errors.Count > 0 ? " govuk-textarea--error" : "";
        Render(output, LabelHtml() + hint
            + $"<textarea class=\"govuk-textarea{error}\" id=\"{Id}\" name=\"{E(Name)}\" rows=\"{Rows}\"{describedBy}>{E(Value)}</textarea>");
    }
}

/// <summary><c>&lt;govuk-select for="Input.Type" label="Order" items="Model.OrderTypes" /&gt;</c></summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Text of a first, empty choice; none when null.</summary>
    public string? Placeholder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var hint = HintAndError(out var describedBy);
        var error = Errors.Count > 0 ? " govuk-select--error" : "";
        var value = Value;
        var options = new System.Text.StringBuilder();
        if (Placeholder is not null)
        {
            options.Append($"<option value=\"\">{E(Placeholder)}</option>");
        }

        foreach (var item in Items)
        {
            var selected = string.Equals(item.Value, value, StringComparison.Ordinal) ? " selected" : "";
            options.Append($"<option value=\"{E(item.Value)}\"{selected}>{E(item.Text)}</option>");
        }

        Render(output, LabelHtml() + hint
            + $"<select class=\"govuk-select{error}\" id=\"{Id}\" name=\"{E(Name)}\"{describedBy}>{options}</select>");
    }
}

/// <summary>
/// <c>&lt;govuk-radios for="Input.Gender" legend="Gender" items="…" /&gt;</c>: the first radio takes the field's
/// id, so the error summary's link lands on it.
/// </summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : GovukFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public string? Legend { get; set; }

    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var hint = HintAndError(out var describedBy);
        var value = Value;
        var radios = new System.Text.StringBuilder();
        var i = 0;
        foreach (var item in Items)
        {
            var id = i == 0 ? Id : $"{Id}-{i + 1}";
            var check = string.Equals(item.Value, value, StringComparison.Ordinal) ? " checked" : "";
            radios.Append($"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{id}\" name=\"{E(Name)}\" type=\"radio\" value=\"{E(item.Value)}\"{check}>"
                + $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{E(item.Text)}</label></div>");
            i++;
        }

        var inline = Inline ? " govuk-radios--inline" : "";
        Render(output, $"<fieldset class=\"govuk-fieldset\"{describedBy}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(Legend ?? Label)}</legend>"
            + hint + $"<div class=\"govuk-radios{inline}\" data-module=\"govuk-radios\">{radios}</div></fieldset>");
    }
}

/// <summary>
/// <c>&lt;govuk-date for="Input.DateOfBirth" legend="Date of birth" /&gt;</c> over a <see cref="DateParts"/>: day,
/// month and year boxes as the GOV.UK pattern asks; the day box takes the field's id.
/// </summary>
[HtmlTargetElement("govuk-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateTagHelper : GovukFieldTagHelper
{
    public string? Legend { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var hint = HintAndError(out var describedBy);
        var parts = For.Model as DateParts ?? new DateParts();
        var error = Errors.Count > 0 ? " govuk-input--error" : "";
        string Box(string part, string label, string? value, int width, string id) =>
            $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{label}</label>"
            + $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{error}\" id=\"{id}\" name=\"{E(Name)}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{E(ValueOf(part, value))}\"></div></div>";
        Render(output, $"<fieldset class=\"govuk-fieldset\" role=\"group\"{describedBy}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(Legend ?? Label)}</legend>"
            + hint + "<div class=\"govuk-date-input\">"
            + Box(nameof(DateParts.Day), "Day", parts.Day, 2, Id)
            + Box(nameof(DateParts.Month), "Month", parts.Month, 2, Id + "-month")
            + Box(nameof(DateParts.Year), "Year", parts.Year, 4, Id + "-year")
            + "</div></fieldset>");
    }

    private string? ValueOf(string part, string? model) =>
        ViewContext.ViewData.ModelState.TryGetValue($"{Name}.{part}", out var entry) && entry.AttemptedValue is { } typed ? typed : model;
}

/// <summary>
/// The error summary at the top of a form: one link per field in error, pointing at the field. Renders nothing
/// when the form has no errors.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var state = ViewContext.ViewData.ModelState;
        var errors = state.Where(e => e.Value is { ValidationState: ModelValidationState.Invalid })
            .SelectMany(e => e.Value!.Errors.Select(x => (Key: e.Key, x.ErrorMessage))).ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var items = string.Concat(errors.Select(e =>
            $"<li><a href=\"#{FieldIds.For(TrimPart(e.Key))}\">{HtmlEncoder.Default.Encode(e.ErrorMessage)}</a></li>"));
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">"
            + $"<ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div>");
    }

    // A date's parts share the date's error: link to the day box.
    private static string TrimPart(string key) =>
        key.EndsWith(".Day", StringComparison.Ordinal) || key.EndsWith(".Month", StringComparison.Ordinal) || key.EndsWith(".Year", StringComparison.Ordinal)
            ? key[..key.LastIndexOf('.')]
            : key;
}

/// <summary>A date as typed into three boxes; parsed by the page, so a wrong date is shown back as typed.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), Month = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), Year = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        : new DateParts();

    /// <summary>The date, or null with a GOV.UK-style message ("Date of birth must include a month").</summary>
    public DateOnly? Parse(string label, out string? error)
    {
        error = null;
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Day))
        {
            missing.Add("a day");
        }

        if (string.IsNullOrWhiteSpace(Month))
        {
            missing.Add("a month");
        }

        if (string.IsNullOrWhiteSpace(Year))
        {
            missing.Add("a year");
        }

        if (missing.Count == 3)
        {
            error = $"Enter {label.ToLowerInvariant()}";
            return null;
        }

        if (missing.Count > 0)
        {
            error = $"{label} must include {string.Join(" and ", missing)}";
            return null;
        }

        var ok = int.TryParse(Day, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day)
            & int.TryParse(Month, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
            & int.TryParse(Year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year);
        if (!ok || year is < 1000 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"{label} must be a real date";
            return null;
        }

        return new DateOnly(year, month, day);
    }
}
