namespace TrainingLms.Web.Infrastructure;

/// <summary>Where a page of a paged list stands (for the <c>Pager</c>).</summary>
public static class Paging
{
    /// <summary>
    /// How many pages of <paramref name="size"/> the <paramref name="total"/> items make (one at least, for an empty
    /// list), and the page asked for or the nearest one that exists: an address edited by hand never fails a page.
    /// </summary>
    public static (int Page, int PageCount) Locate(int total, int? page, int size)
    {
        var pageCount = Math.Max(1, (total + size - 1) / size);
        return (Math.Clamp(page ?? 1, 1, pageCount), pageCount);
    }

    /// <summary>The number of items to skip to reach <paramref name="page"/>.</summary>
    public static int Skip(int page, int size) => (page - 1) * size;
}

/// <summary>One page of a list already in memory, and where it stands among the pages.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageCount)
{
    public static PageOf<T> From(IReadOnlyList<T> all, int? page, int size)
    {
        var (number, pageCount) = Paging.Locate(all.Count, page, size);
        return new([.. all.Skip(Paging.Skip(number, size)).Take(size)], number, pageCount);
    }
}
