// Stable 64-bit hashing (XXH3). The values are stored in ledgers and model
// files, so they must never change between versions or machines.
#ifndef HEARSAY_CORE_HASH_H_
#define HEARSAY_CORE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace hearsay {

uint64_t Hash64(std::string_view bytes, uint64_t seed = 0);
// 16 lower-case hex digits.
std::string HashHex(uint64_t h);

}  // namespace hearsay

#endif  // HEARSAY_CORE_HASH_H_
