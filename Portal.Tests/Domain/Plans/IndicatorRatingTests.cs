using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Plans;

namespace Portal.Tests.Domain.Plans;

public sealed class IndicatorRatingTests
{
    [Theory]
    [InlineData(80, Rag.Green)]
    [InlineData(85, Rag.Green)]
    [InlineData(75, Rag.Amber)]
    [InlineData(74.9, Rag.Red)]
    public void RatesAHigherIsBetterIndicatorAgainstTargetAndTolerance(double actual, Rag expected) =>
        Assert.Equal(expected, IndicatorRating.For(Polarity.HigherIsBetter, 80m, (decimal)actual, 5m));

    [Theory]
    [InlineData(10, Rag.Green)]
    [InlineData(8, Rag.Green)]
    [InlineData(12, Rag.Amber)]
    [InlineData(12.5, Rag.Red)]
    public void RatesALowerIsBetterIndicatorAgainstTargetAndTolerance(double actual, Rag expected) =>
        Assert.Equal(expected, IndicatorRating.For(Polarity.LowerIsBetter, 10m, (decimal)actual, 2m));

    [Theory]
    [InlineData(100, Rag.Green)]
    [InlineData(95, Rag.Green)]
    [InlineData(105, Rag.Green)]
    [InlineData(120, Rag.Amber)]
    [InlineData(50, Rag.Amber)]
    public void RatesANeutralIndicatorGreenWithinToleranceAndNeverRed(double actual, Rag expected) =>
        Assert.Equal(expected, IndicatorRating.For(Polarity.Neutral, 100m, (decimal)actual, 5m));

    [Fact]
    public void LeavesAPeriodWithoutATargetOrAnActualUnrated()
    {
        Assert.Equal(Rag.NotRated, IndicatorRating.For(Polarity.HigherIsBetter, null, 50m, 5m));
        Assert.Equal(Rag.NotRated, IndicatorRating.For(Polarity.LowerIsBetter, 50m, null, 5m));
    }

    [Fact]
    public void ATrendJudgesTheDirectionByPolarity()
    {
        Assert.Equal(Trend.Improving, IndicatorRating.TrendOf(Polarity.HigherIsBetter, 70m, 75m));
        Assert.Equal(Trend.Worsening, IndicatorRating.TrendOf(Polarity.HigherIsBetter, 75m, 70m));
        Assert.Equal(Trend.Improving, IndicatorRating.TrendOf(Polarity.LowerIsBetter, 12m, 9m));
        Assert.Equal(Trend.Worsening, IndicatorRating.TrendOf(Polarity.LowerIsBetter, 9m, 12m));
        Assert.Equal(Trend.Up, IndicatorRating.TrendOf(Polarity.Neutral, 9m, 12m));
        Assert.Equal(Trend.Down, IndicatorRating.TrendOf(Polarity.Neutral, 12m, 9m));
        Assert.Equal(Trend.NoChange, IndicatorRating.TrendOf(Polarity.LowerIsBetter, 9m, 9m));
        Assert.Equal(Trend.NotComparable, IndicatorRating.TrendOf(Polarity.HigherIsBetter, null, 9m));
    }

    [Fact]
    public void ComparesWithThePreviousQuarterAndTheSameQuarterLastYear()
    {
        var indicator = NewIndicator(Polarity.HigherIsBetter, MeasureUnit.Percent);
        indicator.RecordActual(new(2025, 2), 60m, null, 1, "Priya", DateTime.UtcNow);
        indicator.RecordActual(new(2026, 1), 72m, null, 1, "Priya", DateTime.UtcNow);
        indicator.RecordActual(new(2026, 2), 70m, null, 1, "Priya", DateTime.UtcNow);

        var (sincePrevious, sinceLastYear) = indicator.TrendFor(new(2026, 2));

        Assert.Equal(Trend.Worsening, sincePrevious);
        Assert.Equal(Trend.Improving, sinceLastYear);
        Assert.Equal(new ReportingPeriod(2025, 4), new ReportingPeriod(2026, 1).Previous(Frequency.Quarterly));
    }

    [Fact]
    public void AFigureIsApprovedOnlyBySomeoneOtherThanItsEnterer()
    {
        var indicator = NewIndicator(Polarity.HigherIsBetter, MeasureUnit.Percent);
        var value = indicator.RecordActual(new(2026, 2), 70m, "Q2", 7, "Priya Shah", DateTime.UtcNow);

        var error = Assert.Throws<DomainRuleException>(() => indicator.Approve(new(2026, 2), 7, "Priya Shah", DateTime.UtcNow));
        Assert.Equal("Indicator.ApproverIsEnterer", error.Code);
        Assert.Equal(DataState.Draft, value.State);

        indicator.Approve(new(2026, 2), 3, "Heather Rice", DateTime.UtcNow);
        Assert.Equal(DataState.Approved, value.State);

        // A correction goes back to draft and needs approving again.
        indicator.RecordActual(new(2026, 2), 71m, "Corrected", 7, "Priya Shah", DateTime.UtcNow);
        Assert.Equal(DataState.Draft, value.State);
        Assert.Null(value.ApprovedByName);
    }

    [Fact]
    public void RefusesAPercentageOverAHundred()
    {
        var indicator = NewIndicator(Polarity.HigherIsBetter, MeasureUnit.Percent);

        var error = Assert.Throws<DomainRuleException>(() => indicator.SetTarget(new(2026, 1), 120m));

        Assert.Equal("Indicator.PercentOutOfRange", error.Code);
        Assert.Empty(indicator.Values);
    }

    [Theory]
    [InlineData("en-GB", "12.5", 12.5)]
    [InlineData("sv-SE", "12,5", 12.5)]
    [InlineData("en-GB", "85%", 85)]
    [InlineData("en-GB", "£1,200", 1200)]
    public void ReadsNumbersAsTheReaderWritesThem(string culture, string text, double expected) =>
        Assert.Equal((decimal)expected, PerformanceIndicator.ParseNumber(text, CultureInfo.GetCultureInfo(culture), "Target"));

    [Fact]
    public void RefusesATargetThatIsNotANumber()
    {
        var error = Assert.Throws<DomainRuleException>(() => PerformanceIndicator.ParseNumber("eighty", CultureInfo.GetCultureInfo("en-GB"), "Target"));

        Assert.Equal("Indicator.NotANumber", error.Code);
        Assert.Equal("Target", error.Field);
        Assert.Null(PerformanceIndicator.ParseNumber(" ", CultureInfo.InvariantCulture, "Target"));
    }

    private static PerformanceIndicator NewIndicator(Polarity polarity, MeasureUnit unit)
    {
        var plan = DirectoratePlan.Create(1, "Plan", null, 2024, 2026, PlanCalendar.FinancialYear);
        var priority = plan.AddPriority("Priority", null);
        return PerformanceIndicator.Create(plan, priority, "CEX01", "Staff satisfaction", null, unit, polarity, Frequency.Quarterly, 60m, 5m, 1);
    }
}
