using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrainingLms.Web.Infrastructure;

/// <summary>
/// What a search box typed, found anywhere in a text column, ignoring the case of Latin letters, with % and _ taken
/// literally, on either database: in a query <see cref="Matches"/> becomes LIKE on SQLite (which ignores ASCII case;
/// instr, which string.Contains becomes, does not) and ILIKE on PostgreSQL, whose LIKE heeds case. Its "C"
/// collation folds ASCII letters alone, as SQLite does, so both find the same rows.
/// </summary>
public static class SearchPattern
{
    public const string Escape = "\\";

    public static string Contains(string typed) =>
        "%" + typed.Trim().Replace(Escape, Escape + Escape).Replace("%", Escape + "%").Replace("_", Escape + "_") + "%";

    /// <summary>In a query: whether <paramref name="value"/> matches <paramref name="pattern"/>, made by <see cref="Contains"/>.</summary>
    public static bool Matches(string? value, string pattern) =>
        throw new InvalidOperationException($"{nameof(SearchPattern)}.{nameof(Matches)} is translated in database queries only.");

    /// <summary>Turns <see cref="Matches"/> into the provider's LIKE before EF compiles a query; every app context has it.</summary>
    public static readonly IInterceptor Translation = new MatchesTranslation();

    private sealed class MatchesTranslation : IQueryExpressionInterceptor
    {
        private static readonly MethodInfo MatchesMethod = typeof(SearchPattern).GetMethod(nameof(Matches))!;
        private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions)
            .GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
        private static readonly MethodInfo ILikeMethod = typeof(NpgsqlDbFunctionsExtensions)
            .GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
        // As EF leaves EF.Functions once it has taken the parameters out of a query: a constant.
        private static readonly Expression Functions = Expression.Constant(EF.Functions);

        public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
            new Rewriter(eventData.Context?.Database.IsNpgsql() == true ? ILikeMethod : LikeMethod).Visit(queryExpression);

        private sealed class Rewriter(MethodInfo like) : ExpressionVisitor
        {
            protected override Expression VisitMethodCall(MethodCallExpression node) => node.Method == MatchesMethod
                ? Expression.Call(like, Functions, Visit(node.Arguments[0]), Visit(node.Arguments[1]), Expression.Constant(Escape))
                : base.VisitMethodCall(node);
        }
    }
}
