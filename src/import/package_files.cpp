// Reads zip entries or folder files with bounds on size, ratio and names (zip bombs, `..`).
#include "import/package_files.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <fstream>
#include <set>

namespace folio::import {

struct PackageFiles::State {
  PackageLimits limits;
  std::filesystem::path folder;  // set for an unpacked package
  zip_t* zip = nullptr;
  std::vector<std::string> names;
  std::set<std::string> name_set;
  std::size_t total_read = 0;
  PackageProblem problem = PackageProblem::unreadable;
  ~State() {
    if (zip) zip_discard(zip);
  }
};

bool is_unsafe_entry_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos ||
      (name.size() > 1 && name[1] == ':'))
    return true;
  std::size_t from = 0;
  while (from <= name.size()) {
    std::size_t to = name.find('/', from);
    if (to == std::string_view::npos) to = name.size();
    if (name.substr(from, to - from) == "..") return true;
    from = to + 1;
  }
  return false;
}

namespace {

std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::string resolve_href(const std::string& base, std::string_view href) {
  href = href.substr(0, href.find('#'));
  if (href.empty()) return base;
  if (href.find(':') != std::string_view::npos || href.front() == '/') return {};
  std::string path = percent_decoded(href);
  std::string dir = base.substr(0, base.rfind('/') == std::string::npos ? 0 : base.rfind('/') + 1);
  std::vector<std::string> parts;
  std::string joined = dir + path;
  std::size_t from = 0;
  while (from <= joined.size()) {
    std::size_t to = joined.find('/', from);
    if (to == std::string::npos) to = joined.size();
    std::string part = joined.substr(from, to - from);
    if (part == "..") {
      if (parts.empty()) return {};
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    from = to + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

PackageFiles::PackageFiles(std::unique_ptr<State> state) : state_(std::move(state)) {}
PackageFiles::~PackageFiles() = default;
PackageFiles::PackageFiles(PackageFiles&&) noexcept = default;
PackageFiles& PackageFiles::operator=(PackageFiles&&) noexcept = default;

std::optional<PackageFiles> PackageFiles::open(const std::filesystem::path& path,
                                               std::string& error, const PackageLimits& limits,
                                               PackageProblem* problem) {
  PackageProblem ignored;
  if (!problem) problem = &ignored;
  *problem = PackageProblem::unreadable;
  auto state = std::make_unique<State>();
  state->limits = limits;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    state->folder = path;
    std::filesystem::recursive_directory_iterator it(path, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      // A link could point anywhere on the disk: an unpacked package is read without them.
      if (it->is_symlink(ec) || !it->is_regular_file(ec)) continue;
      if (state->names.size() >= limits.max_entries) {
        *problem = PackageProblem::too_large;
        error = fmt::format("more than {} files", limits.max_entries);
        return std::nullopt;
      }
      std::string name = std::filesystem::relative(it->path(), path, ec).generic_string();
      state->names.push_back(name);
    }
    if (ec) {
      error = ec.message();
      return std::nullopt;
    }
  } else {
    int err = 0;
    state->zip = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!state->zip) {
      zip_error_t ze;
      zip_error_init_with_code(&ze, err);
      error = err == ZIP_ER_NOZIP ? "not a zip archive"
              : err == ZIP_ER_OPEN
                  ? "cannot be opened"
                  : fmt::format("a damaged zip archive ({})", zip_error_strerror(&ze));
      zip_error_fini(&ze);
      return std::nullopt;
    }
    zip_int64_t n = zip_get_num_entries(state->zip, 0);
    if (n < 0 || static_cast<std::size_t>(n) > limits.max_entries) {
      *problem = PackageProblem::too_large;
      error = fmt::format("more than {} entries", limits.max_entries);
      return std::nullopt;
    }
    for (zip_int64_t i = 0; i < n; ++i) {
      const char* name = zip_get_name(state->zip, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
      if (!name) continue;
      std::string s = name;
      if (!s.empty() && s.back() == '/') continue;  // a folder entry
      if (is_unsafe_entry_name(s)) {
        *problem = PackageProblem::unsafe;
        error = fmt::format("the entry '{}' is an absolute path or climbs out with '..'", s);
        return std::nullopt;
      }
      state->names.push_back(s);
    }
  }
  state->name_set.insert(state->names.begin(), state->names.end());
  return PackageFiles(std::move(state));
}

bool PackageFiles::is_folder() const {
  return !state_->folder.empty();
}
bool PackageFiles::has(const std::string& name) const {
  return state_->name_set.count(name) > 0;
}
PackageProblem PackageFiles::last_problem() const {
  return state_->problem;
}
const std::vector<std::string>& PackageFiles::names() const {
  return state_->names;
}

std::optional<std::string> PackageFiles::read(const std::string& name, std::string& error) {
  State& s = *state_;
  s.problem = PackageProblem::unreadable;
  if (!has(name)) {
    error = fmt::format("'{}' is not in the package", name);
    return std::nullopt;
  }
  std::size_t cap = std::min(s.limits.max_entry_bytes, s.limits.max_total_bytes - s.total_read);
  std::string out;
  if (!s.folder.empty()) {
    std::error_code ec;
    auto size = std::filesystem::file_size(s.folder / name, ec);
    if (ec) {
      error = ec.message();
      return std::nullopt;
    }
    if (size > cap) {
      s.problem = PackageProblem::too_large;
      error = fmt::format("'{}' is {} MB, more than the {} MB an import reads", name, size >> 20,
                          cap >> 20);
      return std::nullopt;
    }
    std::ifstream in(s.folder / name, std::ios::binary);
    out.resize(size);
    if (!in.read(out.data(), static_cast<std::streamsize>(size))) {
      error = fmt::format("'{}' cannot be read", name);
      return std::nullopt;
    }
  } else {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(s.zip, name.c_str(), 0, &st) != 0) {
      error = fmt::format("'{}' cannot be read", name);
      return std::nullopt;
    }
    // The sizes in the header may lie: the read below stops at the cap whatever they say.
    if ((st.valid & ZIP_STAT_SIZE) && st.size > cap) {
      s.problem = PackageProblem::too_large;
      error = fmt::format("'{}' is {} MB uncompressed, more than the {} MB an import reads", name,
                          st.size >> 20, cap >> 20);
      return std::nullopt;
    }
    if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > (1u << 20) &&
        st.size / std::max<zip_uint64_t>(st.comp_size, 1) > s.limits.max_ratio) {
      s.problem = PackageProblem::too_large;
      error =
          fmt::format("'{}' expands {} times (a zip bomb?); an import refuses more than {}", name,
                      st.size / std::max<zip_uint64_t>(st.comp_size, 1), s.limits.max_ratio);
      return std::nullopt;
    }
    zip_file_t* f = zip_fopen(s.zip, name.c_str(), 0);
    if (!f) {
      error = fmt::format("'{}' cannot be read ({})", name, zip_strerror(s.zip));
      return std::nullopt;
    }
    char buf[65536];
    while (true) {
      zip_int64_t got = zip_fread(f, buf, sizeof buf);
      if (got < 0) {
        error = fmt::format("'{}' is damaged ({})", name, zip_file_strerror(f));
        zip_fclose(f);
        return std::nullopt;
      }
      if (got == 0) break;
      out.append(buf, static_cast<std::size_t>(got));
      if (out.size() > cap) {
        zip_fclose(f);
        s.problem = PackageProblem::too_large;
        error = fmt::format("'{}' expands past the {} MB an import reads", name, cap >> 20);
        return std::nullopt;
      }
    }
    zip_fclose(f);
  }
  s.total_read += out.size();
  return out;
}

}  // namespace folio::import
