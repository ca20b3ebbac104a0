namespace TrainingLms.Domain.Organisation;

public enum LineOfWork
{
    CustomerService = 1,
    Security = 2,
    Cleaning = 3,
    Engineering = 4,
    Greening = 5,
}

public static class LinesOfWork
{
    private static readonly Dictionary<string, LineOfWork> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["客服"] = LineOfWork.CustomerService, ["客户服务"] = LineOfWork.CustomerService, ["前台"] = LineOfWork.CustomerService,
        ["安防"] = LineOfWork.Security, ["秩序"] = LineOfWork.Security, ["保安"] = LineOfWork.Security,
        ["保洁"] = LineOfWork.Cleaning, ["清洁"] = LineOfWork.Cleaning,
        ["工程"] = LineOfWork.Engineering, ["维修"] = LineOfWork.Engineering,
        ["绿化"] = LineOfWork.Greening,
    };

    public static LineOfWork? FromName(string name)
    {
        var trimmed = name.Trim();
        if (Aliases.TryGetValue(trimmed, out var line)) return line;
        return Enum.TryParse<LineOfWork>(trimmed.Replace(" ", ""), ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed) ? parsed : null;
    }
}
