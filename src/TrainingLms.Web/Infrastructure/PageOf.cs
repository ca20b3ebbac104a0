namespace TrainingLms.Web.Infrastructure;

/// <summary>One page of a list already in memory, and where it stands among the pages (for the <c>Pager</c>).</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageCount)
{
    /// <summary>The page asked for, or the nearest one that exists (an address edited by hand never fails a page).</summary>
    public static PageOf<T> From(IReadOnlyList<T> all, int? page, int size)
    {
        var pageCount = Math.Max(1, (all.Count + size - 1) / size);
        var number = Math.Clamp(page ?? 1, 1, pageCount);
        return new([.. all.Skip((number - 1) * size).Take(size)], number, pageCount);
    }
}
