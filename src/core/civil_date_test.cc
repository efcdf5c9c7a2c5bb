#include "core/civil_date.h"

#include <gtest/gtest.h>

namespace hearsay {
namespace {

TEST(CivilDate, KnownDays) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(2026, 3, 2), 20514);
}

TEST(CivilDate, LeapDays) {
  // 2000 is a leap year, 1900 and 2100 are not.
  EXPECT_EQ(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28), 2);
  EXPECT_EQ(DaysFromCivil(2100, 3, 1) - DaysFromCivil(2100, 2, 28), 1);
  EXPECT_EQ(DaysFromCivil(1900, 3, 1) - DaysFromCivil(1900, 2, 28), 1);
  CivilDate leap = CivilFromDays(DaysFromCivil(2024, 2, 29));
  EXPECT_EQ(leap.year, 2024);
  EXPECT_EQ(leap.month, 2);
  EXPECT_EQ(leap.day, 29);
}

TEST(CivilDate, RoundTripsEveryDayOfFourCenturies) {
  // One whole era of the calendar, with dates before 1970 among them.
  int64_t prev = DaysFromCivil(1799, 12, 31);
  for (int64_t d = prev + 1; d <= DaysFromCivil(2200, 1, 1); ++d) {
    CivilDate c = CivilFromDays(d);
    ASSERT_EQ(DaysFromCivil(c.year, c.month, c.day), d);
    ASSERT_GE(c.month, 1);
    ASSERT_LE(c.month, 12);
    ASSERT_GE(c.day, 1);
    ASSERT_LE(c.day, 31);
  }
}

TEST(CivilDate, ParsesTheDateATextOpensWith) {
  int64_t d = 0;
  ASSERT_TRUE(ParseIsoDate("2026-04-07", &d));
  EXPECT_EQ(d, DaysFromCivil(2026, 4, 7));
  ASSERT_TRUE(ParseIsoDate("2026-03-02T06:00:00Z", &d));
  EXPECT_EQ(d, DaysFromCivil(2026, 3, 2));
  for (const char* bad : {"", "2026-4-07", "2026-13-01", "2026-04-00",
                          "April 7", "2026/04/07", "20x6-04-07"})
    EXPECT_FALSE(ParseIsoDate(bad, &d)) << bad;
}

TEST(CivilDate, IsoDate) {
  EXPECT_EQ(IsoDate(CivilFromDays(DaysFromCivil(2026, 3, 9))), "2026-03-09");
  EXPECT_EQ(IsoDate(CivilFromDays(-1)), "1969-12-31");
}

}  // namespace
}  // namespace hearsay
