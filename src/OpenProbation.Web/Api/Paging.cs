using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;

namespace OpenProbation.Web;

internal static class PagingQueries
{
    /// <summary>Counts, then reads one page projected to the response shape: two queries, whatever the page size.</summary>
    public static async Task<PagedList<TDto>> ToPageAsync<T, TDto>(
        this IQueryable<T> query, Paging paging, Expression<Func<T, TDto>> select, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = total == 0 ? [] : await query.Skip(paging.Skip).Take(paging.PageSize).Select(select).ToListAsync(ct);
        return new PagedList<TDto>(items, paging.Page, paging.PageSize, total);
    }
}
