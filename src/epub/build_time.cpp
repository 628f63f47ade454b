// Build time from SOURCE_DATE_EPOCH or manuscript file times, and its two written forms.
#include "epub/build_time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <system_error>

namespace folio::epub {
namespace {

namespace fs = std::filesystem;

std::tm utc_fields(std::int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}

// Every image a section refers to, so that replacing a picture counts as a change.
void add_image_targets(const std::vector<model::Inline>& inlines, std::vector<std::string>& out) {
  for (const auto& in : inlines) {
    if (in.kind == model::InlineKind::image) out.push_back(in.target);
    add_image_targets(in.children, out);
  }
}
void add_image_targets(const std::vector<model::Block>& blocks, std::vector<std::string>& out) {
  for (const auto& b : blocks) {
    if (b.kind == model::BlockKind::figure) out.push_back(b.target);
    add_image_targets(b.inlines, out);
    add_image_targets(b.blocks, out);
  }
}

std::int64_t newest_manuscript_mtime(const model::Document& doc) {
  if (doc.base_dir.empty()) return 0;
  std::vector<std::string> names{"book.yaml", doc.metadata.cover_image.value};
  for (const auto& c : doc.metadata.contents) names.push_back(c.value);
  for (const auto& s : doc.sections) {
    add_image_targets(s.blocks, names);
    add_image_targets(s.footnotes, names);
  }
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(doc.base_dir, ec))
    if (entry.path().extension() == ".md") names.push_back(entry.path().filename().string());
  std::int64_t newest = 0;
  for (const auto& name : names) {
    if (name.empty()) continue;
    auto t = fs::last_write_time(doc.base_dir / name, ec);
    if (ec) continue;
    auto sys = std::chrono::file_clock::to_sys(t);
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch()).count();
    newest = std::max<std::int64_t>(newest, secs);
  }
  return newest;
}

}  // namespace

std::optional<std::int64_t> build_time(const model::Document& doc,
                                       const std::optional<std::string>& source_date_epoch,
                                       support::Diagnostics& diags) {
  if (source_date_epoch && !source_date_epoch->empty()) {
    const std::string& s = *source_date_epoch;
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size() || value < 0 ||
        value > 253402300799) {  // 9999-12-31T23:59:59Z
      diags.error("source-date-epoch", {},
                  fmt::format("SOURCE_DATE_EPOCH='{}' is not a count of seconds since 1970", s));
      return std::nullopt;
    }
    return value;
  }
  return newest_manuscript_mtime(doc);
}

std::string w3c_datetime(std::int64_t seconds) {
  std::tm tm = utc_fields(seconds);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

DosTime dos_time(std::int64_t seconds) {
  std::tm tm = utc_fields(seconds);
  int year = tm.tm_year + 1900;
  if (year < 1980) return {0, static_cast<std::uint16_t>((0 << 9) | (1 << 5) | 1)};  // 1980-01-01
  if (year > 2107) year = 2107;
  DosTime d;
  d.time = static_cast<std::uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
  d.date = static_cast<std::uint16_t>(((year - 1980) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
  return d;
}

}  // namespace folio::epub
