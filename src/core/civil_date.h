// Dates of the proleptic Gregorian calendar as day numbers, for the stages
// that read, store or resolve dates (ingest's publish times, the ledger's
// timestamps, "on Tuesday" in a claim). Pure functions, thread-safe.
//
//   int64_t d = DaysFromCivil(2026, 3, 2);   // days since 1970-01-01
//   CivilDate c = CivilFromDays(d - 7);       // {2026, 2, 23}
#ifndef HEARSAY_CORE_CIVIL_DATE_H_
#define HEARSAY_CORE_CIVIL_DATE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace hearsay {

struct CivilDate {
  int64_t year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31
};

// Days from 1970-01-01 to year-month-day (negative before it). The month and
// day are not checked: callers validate what they parse.
int64_t DaysFromCivil(int64_t year, int month, int day);

// The date `days` days after 1970-01-01; the inverse of DaysFromCivil.
CivilDate CivilFromDays(int64_t days);

// "YYYY-MM-DD".
std::string IsoDate(const CivilDate& date);

// The day of the "YYYY-MM-DD" that opens `text` ("2026-03-02",
// "2026-03-02T06:00:00Z"), as DaysFromCivil counts it; false when text does
// not open with one (a month outside 1-12, a day outside 1-31).
bool ParseIsoDate(std::string_view text, int64_t* days);

}  // namespace hearsay

#endif  // HEARSAY_CORE_CIVIL_DATE_H_
