using TrainingLms.Domain.Organisation;

namespace TrainingLms.Web.Features.ShiftReviews;

public static class ShiftLabel
{
    public static string For(TeamShift shift) => $"{shift.Key} {shift.Start:HH\\:mm}–{shift.End:HH\\:mm}";
}
