using System.Globalization;

namespace OpenProbation.Web.Features.Govuk;

/// <summary>The GOV.UK pagination partial's model; <paramref name="BaseUrl"/> ends with '?' or '&amp;'.</summary>
public sealed record PaginationModel(int Page, int PageSize, int Total, string BaseUrl)
{
    public string Link(int page) => BaseUrl + "page=" + page.ToString(CultureInfo.InvariantCulture);
}
