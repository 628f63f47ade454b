// Build time from SOURCE_DATE_EPOCH or manuscript file times, and its written forms.
#include "facts/build_time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <system_error>

#include "model/walk.hpp"

namespace folio::facts {
namespace {

namespace fs = std::filesystem;

// Floor division: -1 s is 1969-12-31T23:59:59, day -1.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Every image the book refers to, so that replacing a picture counts as a change.
void add_image_targets(const model::Document& doc, std::vector<std::string>& out) {
  model::walk_blocks(doc, [&](const model::Block& b) {
    if (auto* figure = b.get_if<model::Figure>()) out.push_back(figure->src);
    model::walk_block_inlines(b, [&](const model::Inline& in) {
      if (auto* image = in.get_if<model::Image>()) out.push_back(image->src);
    });
  });
}

std::int64_t newest_manuscript_mtime(const model::Document& doc) {
  if (doc.base_dir.empty()) return 0;
  std::vector<std::string> names{"book.yaml", doc.metadata.cover_image.value};
  for (const auto& c : doc.metadata.contents) names.push_back(c.value);
  add_image_targets(doc, names);
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
    // `date +%s` prints a negative count before 1970: a reprint dated 1897 is one.
    if (ec != std::errc{} || end != s.data() + s.size() || value < kEarliestTime ||
        value > kLatestTime) {
      diags.error("source-date-epoch", {},
                  fmt::format("SOURCE_DATE_EPOCH='{}' is not a count of seconds since 1970 "
                              "within the years 0000 to 9999 (set it as `date +%s` prints "
                              "it, e.g. $(git log -1 --format=%ct))",
                              s));
      return std::nullopt;
    }
    return value;
  }
  return newest_manuscript_mtime(doc);
}

UtcTime utc_time(std::int64_t seconds) {
  seconds = std::clamp(seconds, kEarliestTime, kLatestTime);
  std::int64_t days = floor_div(seconds, 86400);
  std::int64_t rest = seconds - days * 86400;
  // Howard Hinnant's civil_from_days: days since 1970-01-01 → proleptic Gregorian date.
  std::int64_t z = days + 719468;
  std::int64_t era = floor_div(z, 146097);
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  UtcTime t;
  t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = yoe + era * 400 + (t.month <= 2);
  t.hour = static_cast<int>(rest / 3600);
  t.minute = static_cast<int>(rest / 60 % 60);
  t.second = static_cast<int>(rest % 60);
  return t;
}

std::string w3c_datetime(std::int64_t seconds) {
  UtcTime t = utc_time(seconds);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.year, t.month, t.day, t.hour,
                     t.minute, t.second);
}

std::string pdf_date(std::int64_t seconds) {
  UtcTime t = utc_time(seconds);
  return fmt::format("D:{:04}{:02}{:02}{:02}{:02}{:02}{}", t.year, t.month, t.day, t.hour, t.minute,
                     t.second, t.year < 1930 ? "" : "Z");
}

}  // namespace folio::facts
