#include "text/chars.h"

#include <utf8proc.h>

namespace hearsay::text_internal {

#define HEARSAY_ROW(b)                                                        \
  AsciiClass(b + 0), AsciiClass(b + 1), AsciiClass(b + 2), AsciiClass(b + 3), \
      AsciiClass(b + 4), AsciiClass(b + 5), AsciiClass(b + 6),                \
      AsciiClass(b + 7), AsciiClass(b + 8), AsciiClass(b + 9),                \
      AsciiClass(b + 10), AsciiClass(b + 11), AsciiClass(b + 12),             \
      AsciiClass(b + 13), AsciiClass(b + 14), AsciiClass(b + 15)
const Cls kAsciiCls[128] = {HEARSAY_ROW(0),  HEARSAY_ROW(16), HEARSAY_ROW(32),
                            HEARSAY_ROW(48), HEARSAY_ROW(64), HEARSAY_ROW(80),
                            HEARSAY_ROW(96), HEARSAY_ROW(112)};
#undef HEARSAY_ROW

Cls Classify(char32_t cp) {
  if (cp < 0x80) return kAsciiCls[cp];
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
      return Cls::kApos;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A:
    case 0x2033:
      return Cls::kQuote;
    case 0x2010:
    case 0x2011:
      return Cls::kHyphen;
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return Cls::kDash;
    case 0x2026:
      return Cls::kEllipsis;
    case 0x0085:
    case 0x2028:
    case 0x2029:
      return Cls::kNewline;
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return Cls::kMark;
    case 0xFF0C:
      return Cls::kComma;
    case 0xFF0E:
    case 0x3002:
      return Cls::kPeriod;
    case 0xFF01:
      return Cls::kExclam;
    case 0xFF1F:
      return Cls::kQuestion;
    default:
      break;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return Cls::kUpper;
    case UTF8PROC_CATEGORY_LL:
      return Cls::kLower;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return Cls::kLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
      return Cls::kMark;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return Cls::kDigit;
    case UTF8PROC_CATEGORY_ZS:
      return Cls::kSpace;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return Cls::kNewline;
    case UTF8PROC_CATEGORY_SC:
      return Cls::kCurrency;
    case UTF8PROC_CATEGORY_PS:
      return Cls::kOpen;
    case UTF8PROC_CATEGORY_PE:
      return Cls::kClose;
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
      return Cls::kQuote;
    case UTF8PROC_CATEGORY_PD:
      return Cls::kDash;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
      return Cls::kSymbol;
    default:
      return Cls::kOther;
  }
}

}  // namespace hearsay::text_internal
