// Local date-times in IANA zones around daylight saving time changes, and OData dates. The
// expected instants follow the zones' rules in the IANA database. Europe/Berlin changes at 01:00
// UTC on the last Sundays of March and October. America/New_York changes at 02:00 local time on
// the second Sunday of March and the first Sunday of November.
#include <gtest/gtest.h>

#include "stdlib/dates.h"

namespace weft::dates {
namespace {

constexpr std::string_view kBerlin = "Europe/Berlin";
constexpr std::string_view kNewYork = "America/New_York";

// Returns the result of FromLocal, or "rejected: " and the reason.
std::string Local(std::string_view local, std::string_view zone,
                  Overlap overlap = Overlap::kReject, Gap gap = Gap::kReject) {
  std::string result;
  std::string reason = FromLocal(local, zone, overlap, gap, result);
  return reason.empty() ? result : "rejected: " + reason;
}

std::string OData(std::string_view text) {
  std::string result;
  std::string reason = ParseODataDate(text, result);
  return reason.empty() ? result : "rejected: " + reason;
}

TEST(FromLocal, BerlinSpringGapRejectsByDefault) {
  EXPECT_EQ(Local("2026-03-29T02:30:00", kBerlin),
            "rejected: \"2026-03-29T02:30:00\" does not exist in Europe/Berlin, because clocks "
            "there skip from 02:00 to 03:00 on 2026-03-29; give SHIFT_FORWARD as the gap policy "
            "to move such times forward by the gap");
  EXPECT_NE(Local("2026-03-29T02:00:00", kBerlin).find("does not exist"), std::string::npos);
  EXPECT_NE(Local("2026-03-29T02:59:59", kBerlin).find("does not exist"), std::string::npos);
}

TEST(FromLocal, BerlinSpringGapEdges) {
  EXPECT_EQ(Local("2026-03-29T01:59:59", kBerlin), "2026-03-29T01:59:59+01:00");
  EXPECT_EQ(Local("2026-03-29T03:00:00", kBerlin), "2026-03-29T03:00:00+02:00");
}

TEST(FromLocal, BerlinSpringGapShiftsForward) {
  EXPECT_EQ(Local("2026-03-29T02:30:00", kBerlin, Overlap::kReject, Gap::kShiftForward),
            "2026-03-29T03:30:00+02:00");
  EXPECT_EQ(Local("2026-03-29T02:00:00", kBerlin, Overlap::kReject, Gap::kShiftForward),
            "2026-03-29T03:00:00+02:00");
  EXPECT_EQ(Local("2026-03-29T02:15:00.5", kBerlin, Overlap::kReject, Gap::kShiftForward),
            "2026-03-29T03:15:00.5+02:00");
}

TEST(FromLocal, BerlinAutumnOverlap) {
  EXPECT_EQ(Local("2026-10-25T02:30:00", kBerlin),
            "rejected: \"2026-10-25T02:30:00\" occurs twice in Europe/Berlin, first at +02:00 and "
            "again at +01:00, because clocks there go back from 03:00 to 02:00 on 2026-10-25; "
            "give EARLIER or LATER as the overlap policy to choose one");
  EXPECT_EQ(Local("2026-10-25T02:30:00", kBerlin, Overlap::kEarlier), "2026-10-25T02:30:00+02:00");
  EXPECT_EQ(Local("2026-10-25T02:30:00", kBerlin, Overlap::kLater), "2026-10-25T02:30:00+01:00");
  EXPECT_EQ(Local("2026-10-25T02:00:00", kBerlin, Overlap::kLater), "2026-10-25T02:00:00+01:00");
}

TEST(FromLocal, BerlinAutumnOverlapEdges) {
  EXPECT_EQ(Local("2026-10-25T01:59:59", kBerlin), "2026-10-25T01:59:59+02:00");
  EXPECT_EQ(Local("2026-10-25T03:00:00", kBerlin), "2026-10-25T03:00:00+01:00");
  EXPECT_NE(Local("2026-10-25T02:00:00", kBerlin).find("occurs twice"), std::string::npos);
}

TEST(FromLocal, NewYorkSpringGap) {
  EXPECT_NE(Local("2026-03-08T02:30:00", kNewYork).find("skip from 02:00 to 03:00 on 2026-03-08"),
            std::string::npos);
  EXPECT_EQ(Local("2026-03-08T02:30:00", kNewYork, Overlap::kReject, Gap::kShiftForward),
            "2026-03-08T03:30:00-04:00");
  EXPECT_EQ(Local("2026-03-08T01:59:59", kNewYork), "2026-03-08T01:59:59-05:00");
  EXPECT_EQ(Local("2026-03-08T03:00:00", kNewYork), "2026-03-08T03:00:00-04:00");
}

TEST(FromLocal, NewYorkAutumnOverlap) {
  EXPECT_NE(Local("2026-11-01T01:30:00", kNewYork).find("first at -04:00 and again at -05:00"),
            std::string::npos);
  EXPECT_EQ(Local("2026-11-01T01:30:00", kNewYork, Overlap::kEarlier),
            "2026-11-01T01:30:00-04:00");
  EXPECT_EQ(Local("2026-11-01T01:30:00", kNewYork, Overlap::kLater), "2026-11-01T01:30:00-05:00");
  EXPECT_EQ(Local("2026-11-01T00:59:59", kNewYork), "2026-11-01T00:59:59-04:00");
  EXPECT_EQ(Local("2026-11-01T02:00:00", kNewYork), "2026-11-01T02:00:00-05:00");
}

TEST(FromLocal, PoliciesLeaveOrdinaryTimesAlone) {
  EXPECT_EQ(Local("2026-07-01T12:00:00", kBerlin, Overlap::kLater, Gap::kShiftForward),
            "2026-07-01T12:00:00+02:00");
  EXPECT_EQ(Local("2026-01-15T12:00:00", kNewYork, Overlap::kEarlier, Gap::kShiftForward),
            "2026-01-15T12:00:00-05:00");
}

TEST(FromLocal, TwentyNinthOfFebruary) {
  EXPECT_EQ(Local("2024-02-29T12:00:00", kBerlin), "2024-02-29T12:00:00+01:00");
  EXPECT_EQ(Local("2024-02-29T12:00:00", kNewYork), "2024-02-29T12:00:00-05:00");
  EXPECT_NE(Local("2023-02-29T12:00:00", kBerlin).find("is not a local date-time"),
            std::string::npos);
  EXPECT_NE(Local("2100-02-29T12:00:00", kBerlin).find("is not a local date-time"),
            std::string::npos);
}

TEST(FromLocal, RejectsOffsetsAndMalformedText) {
  EXPECT_EQ(Local("2026-03-20T13:00:00+01:00", kBerlin),
            "rejected: \"2026-03-20T13:00:00+01:00\" has an offset, so it names an instant "
            "already; convert it with to_zone");
  EXPECT_NE(Local("2026-03-20T13:00:00Z", kBerlin).find("has an offset"), std::string::npos);
  EXPECT_NE(Local("2026-03-20 13:00:00", kBerlin).find("is not a local date-time"),
            std::string::npos);
  EXPECT_NE(Local("2026-03-20", kBerlin).find("is not a local date-time"), std::string::npos);
  EXPECT_NE(Local("2026-03-20T24:00:00", kBerlin).find("is not a local date-time"),
            std::string::npos);
  EXPECT_NE(Local("2026-03-20T12:00:00", "Mars/Olympus").find("not a time zone"),
            std::string::npos);
}

TEST(FromLocal, YearRangeAndLocalMeanTime) {
  EXPECT_EQ(Local("9999-12-31T23:59:59", "UTC"), "9999-12-31T23:59:59+00:00");
  EXPECT_EQ(Local("0000-01-01T00:00:00", "UTC"), "0000-01-01T00:00:00+00:00");
  // Berlin kept local mean time, +00:53:28, until 1893.
  EXPECT_NE(Local("1880-01-01T12:00:00", kBerlin).find("with seconds"), std::string::npos);
}

TEST(ParseODataDate, UtcAndOffsets) {
  EXPECT_EQ(OData("/Date(1700000000000)/"), "2023-11-14T22:13:20Z");
  EXPECT_EQ(OData("/Date(1700000000000+0100)/"), "2023-11-14T23:13:20+01:00");
  EXPECT_EQ(OData("/Date(1700000000000-0500)/"), "2023-11-14T17:13:20-05:00");
  EXPECT_EQ(OData("/Date(1700000000000+0530)/"), "2023-11-15T03:43:20+05:30");
  EXPECT_EQ(OData("/Date(0+0000)/"), "1970-01-01T00:00:00+00:00");
}

TEST(ParseODataDate, MillisecondsAndNegativeCounts) {
  EXPECT_EQ(OData("/Date(1700000000250)/"), "2023-11-14T22:13:20.250Z");
  EXPECT_EQ(OData("/Date(-1)/"), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(OData("/Date(-86400000-0100)/"), "1969-12-30T23:00:00-01:00");
}

TEST(ParseODataDate, TwentyNinthOfFebruary) {
  EXPECT_EQ(OData("/Date(1709164800000)/"), "2024-02-29T00:00:00Z");
  EXPECT_EQ(OData("/Date(1709164800000-0500)/"), "2024-02-28T19:00:00-05:00");
}

TEST(ParseODataDate, YearRange) {
  EXPECT_EQ(OData("/Date(253402300799999)/"), "9999-12-31T23:59:59.999Z");
  EXPECT_NE(OData("/Date(253402300800000)/").find("outside the years"), std::string::npos);
  EXPECT_NE(OData("/Date(253402297200000+0100)/").find("outside the years"), std::string::npos);
  EXPECT_NE(OData("/Date(-62167219200001)/").find("outside the years"), std::string::npos);
  EXPECT_NE(OData("/Date(9223372036854775807)/").find("outside the years"), std::string::npos);
}

TEST(ParseODataDate, RejectsMalformedText) {
  EXPECT_EQ(OData("/Date(17x)/"),
            "rejected: \"/Date(17x)/\" is not an OData date such as /Date(1700000000000)/ or "
            "/Date(1700000000000+0100)/");
  for (std::string_view text :
       {"", "/Date()/", "/Date(+0100)/", "Date(1)", "/Date(1)", "/date(1)/", "/Date(+1)/",
        "/Date(1+01)/", "/Date(1+2400)/", "/Date(1+0160)/", "/Date(1 +0100)/", "/Date(1+01:00)/",
        "\\/Date(1)\\/", "/Date(99999999999999999999)/", "/Date(1)/ "}) {
    EXPECT_NE(OData(text).find("rejected: "), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace weft::dates
