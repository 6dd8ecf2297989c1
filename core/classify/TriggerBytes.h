// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace perimeter::classify {

// The offsets of a few bytes in one text ('.', ':', quotes, '|', '@'), found in one pass for all
// the trigger finders that start from them (NativeTriggers). Each finder used to search the
// text for its own bytes: five passes over every scan, most of the time spent stepping from
// one sentence-ending dot to the next. Now the text is read once, 16 bytes at a time, and
// each finder walks the list of its bytes.
//
// The bytes to index are declared up front (Recognizer::triggers); a byte asked for that was
// not declared is indexed on first use, so an incomplete declaration costs speed, never a
// missed match.
class TriggerBytes {
public:
    TriggerBytes() = default;

    // Indexes `text` (which must outlive this object's use) for `bytes`, dropping what an
    // earlier text left.
    void index(std::string_view text, std::string_view bytes);

    std::string_view text() const { return m_text; }
    // Ascending offsets of `byte` in the text (valid until the next index()).
    std::span<const uint32_t> positions(char byte) const;

private:
    // A list of offsets written through a raw cursor: room for a whole stretch of text is made
    // before the stretch is read, so the hot loop stores without a capacity check per offset.
    struct List {
        std::unique_ptr<uint32_t[]> data;
        size_t size = 0;
        size_t capacity = 0;
        void reserveMore(size_t extra);
    };
    void indexBytes(std::string_view bytes) const;

    std::string_view m_text;
    mutable std::array<int8_t, 256> m_slot{}; // byte -> list + 1; 0: not indexed
    mutable std::vector<List> m_lists;        // reused from text to text
    mutable size_t m_used = 0;
};

} // namespace perimeter::classify
