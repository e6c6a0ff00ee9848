using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Tests.Common;

public class PagingTests
{
    [Fact]
    public void Missing_values_give_the_first_page_of_fifty()
    {
        var errors = new ValidationErrors();

        var paging = Paging.Create(null, null, errors);

        ErrorAssert.Valid(errors);
        Assert.Equal(1, paging.Page);
        Assert.Equal(50, paging.PageSize);
        Assert.Equal(Paging.DefaultPageSize, paging.PageSize);
        Assert.Equal(0, paging.Skip);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(1_000_000, true)]
    [InlineData(1_000_001, false)]
    [InlineData(int.MinValue, false)]
    [InlineData(int.MaxValue, false)]
    public void Pages_run_from_1_to_a_million_and_a_bad_page_falls_back_to_the_first(int page, bool valid)
    {
        var errors = new ValidationErrors();

        var paging = Paging.Create(page, 10, errors);

        if (valid)
        {
            ErrorAssert.Valid(errors);
            Assert.Equal(page, paging.Page);
        }
        else
        {
            Assert.Equal("Page must be between 1 and 1000000", ErrorAssert.Single(errors, "page"));
            Assert.Equal(1, paging.Page);
        }

        Assert.Equal(10, paging.PageSize);
    }

    [Theory]
    [InlineData(-5, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(50, true)]
    [InlineData(199, true)]
    [InlineData(200, true)]
    [InlineData(201, false)]
    [InlineData(int.MaxValue, false)]
    public void Page_sizes_run_from_1_to_200_and_a_bad_size_falls_back_to_the_default(int size, bool valid)
    {
        var errors = new ValidationErrors();

        var paging = Paging.Create(3, size, errors);

        if (valid)
        {
            ErrorAssert.Valid(errors);
            Assert.Equal(size, paging.PageSize);
        }
        else
        {
            Assert.Equal("Page size must be between 1 and 200", ErrorAssert.Single(errors, "pageSize"));
            Assert.Equal(Paging.DefaultPageSize, paging.PageSize);
        }

        Assert.Equal(3, paging.Page);
    }

    [Fact]
    public void A_bad_page_and_a_bad_size_are_both_reported()
    {
        var errors = new ValidationErrors();

        Paging.Create(0, 0, errors);

        ErrorAssert.Fields(errors, "page", "pageSize");
    }

    [Theory]
    [InlineData(1, 50, 0)]
    [InlineData(2, 50, 50)]
    [InlineData(3, 20, 40)]
    [InlineData(10, 1, 9)]
    [InlineData(1, 200, 0)]
    [InlineData(1_000_000, 200, 199_999_800)]
    public void Skip_is_the_rows_on_the_pages_before_this_one(int page, int size, int skip) =>
        Assert.Equal(skip, Paging.Create(page, size, new ValidationErrors()).Skip);

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 500)]
    public Property Consecutive_pages_neither_overlap_nor_leave_gaps(PageRequest request)
    {
        var (p, s) = (Math.Min(request.Page, 999_999), request.Size);
        var errors = new ValidationErrors();
        var here = Paging.Create(p, s, errors);
        var next = Paging.Create(p + 1, s, errors);

        return (errors.IsValid && next.Skip - here.Skip == s && here.Skip == (long)(p - 1) * s)
            .Label($"page {p}, size {s}: skip {here.Skip}, next {next.Skip}");
    }
}
