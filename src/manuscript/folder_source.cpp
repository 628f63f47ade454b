// FileSource implementations: a folder on disk (confined to it) and an in-memory map.
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

#include "manuscript/limits.hpp"
#include "manuscript/reader.hpp"

namespace folio::manuscript {
namespace {

namespace fs = std::filesystem;

class FolderSource final : public FileSource {
 public:
  explicit FolderSource(fs::path dir) : dir_(std::move(dir)) {
    std::error_code ec;
    canonical_ = fs::canonical(dir_, ec);
  }

  fs::path base_dir() const override { return canonical_; }

  std::optional<std::string> read(const std::string& name, std::string& why) const override {
    fs::path rel(name);
    if (rel.is_absolute() || name.empty()) {
      why = "the path must be relative to the manuscript folder";
      return std::nullopt;
    }
    std::error_code ec;
    fs::path full = fs::weakly_canonical(canonical_ / rel, ec);
    // Symlinks and ".." must not lead outside the manuscript folder.
    auto [a, b] = std::mismatch(canonical_.begin(), canonical_.end(), full.begin(), full.end());
    if (ec || a != canonical_.end()) {
      why = "the path leads outside the manuscript folder";
      return std::nullopt;
    }
    if (!fs::exists(full, ec)) {
      why = "no such file";
      return std::nullopt;
    }
    if (!fs::is_regular_file(full, ec)) {
      why = "not a regular file";
      return std::nullopt;
    }
    auto size = fs::file_size(full, ec);
    if (ec || size > kMaxFileBytes) {
      why = ec ? ec.message()
               : "the file is larger than the " + std::to_string(kMaxFileBytes >> 20) +
                     " MiB folio accepts";
      return std::nullopt;
    }
    std::ifstream in(full, std::ios::binary);
    if (!in) {
      why = "cannot be opened";
      return std::nullopt;
    }
    std::string text(size, '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
  }

  std::vector<std::string> markdown_files() const override {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(canonical_, ec)) {
      if (e.path().extension() == ".md" && e.is_regular_file(ec))
        names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  fs::path dir_;
  fs::path canonical_;
};

class MemorySource final : public FileSource {
 public:
  explicit MemorySource(std::vector<SourceFile> files) {
    for (auto& f : files) files_[f.name] = std::move(f.text);
  }
  fs::path base_dir() const override { return {}; }
  std::optional<std::string> read(const std::string& name, std::string& why) const override {
    auto it = files_.find(name);
    if (it == files_.end()) {
      why = "no such file";
      return std::nullopt;
    }
    return it->second;
  }
  std::vector<std::string> markdown_files() const override {
    std::vector<std::string> names;
    for (const auto& [name, text] : files_)
      if (name.size() > 3 && name.ends_with(".md") && name.find('/') == std::string::npos)
        names.push_back(name);
    return names;
  }

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace

std::unique_ptr<FileSource> open_folder(const fs::path& dir, support::Diagnostics& diags) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    diags.error("no-manuscript", {dir.string(), 0, 0}, "no such manuscript folder");
    return nullptr;
  }
  if (!fs::is_directory(dir, ec)) {
    diags.error("no-manuscript", {dir.string(), 0, 0}, "not a folder");
    return nullptr;
  }
  return std::make_unique<FolderSource>(dir);
}

std::unique_ptr<FileSource> memory_source(std::vector<SourceFile> files) {
  return std::make_unique<MemorySource>(std::move(files));
}

}  // namespace folio::manuscript
