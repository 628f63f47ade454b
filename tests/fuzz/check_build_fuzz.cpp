// libFuzzer target, differential: a manuscript `folio check` accepts must build.
//
// Input layout: the pipeline target's (book.yaml, NUL, a.md, optionally NUL and b.md; without
// a NUL the whole input is a.md under a fixed book.yaml). The files are written into a real
// manuscript folder (on /dev/shm), with a small valid PNG beside them as `pic.png` so that
// images can be found, and the folder goes through the very functions the commands run:
// publish::load_and_check (`folio check`: reader, checks, the print edition typeset without
// drawing), then, when that reports no error, cli::build_manuscript (`folio build`: both
// editions written and compared). A build that then fails — any error, or a missing output —
// is a finding: check must report every problem build would stop at.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "cli/commands.hpp"
#include "cli/progress_line.hpp"
#include "model/document.hpp"
#include "publish/load.hpp"

namespace {

namespace fs = std::filesystem;

// A 1×1 grey PNG (IHDR, IDAT, IEND).
constexpr unsigned char kPng[] = {
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00,
    0x00, 0x3A, 0x7E, 0x9B, 0x55, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78,
    0x9C, 0x63, 0x68, 0x00, 0x00, 0x00, 0x82, 0x00, 0x81, 0x4C, 0x17, 0xD7, 0xDF, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};

class Folder {
 public:
  Folder() {
    fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    std::string templ = (base / "folio-check-build-fuzz-XXXXXX").string();
    if (::mkdtemp(templ.data()) == nullptr) std::abort();
    path_ = templ;
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write(const fs::path& file, std::string_view bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Writes the input as a manuscript folder, with pic.png beside it.
void lay_out(std::string_view in, const fs::path& dir) {
  std::string yaml = "title: Fuzz\nauthor: F\nlang: en\n";
  std::size_t nul = in.find('\0');
  if (nul == std::string_view::npos) {
    write(dir / "book.yaml", yaml);
    write(dir / "a.md", in);
  } else {
    write(dir / "book.yaml", in.substr(0, nul));
    std::string_view rest = in.substr(nul + 1);
    std::size_t second = rest.find('\0');
    write(dir / "a.md", rest.substr(0, second));
    if (second != std::string_view::npos) write(dir / "b.md", rest.substr(second + 1));
  }
  write(dir / "pic.png", std::string_view(reinterpret_cast<const char*>(kPng), sizeof kPng));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Folder work;
  static const bool env = [] {
    ::setenv("SOURCE_DATE_EPOCH", "0", 1);
    ::setenv("NO_COLOR", "1", 1);
    // folio's bundled styles, found at run time as an installed folio finds its own.
    ::setenv("FOLIO_DATA_DIR", FOLIO_SOURCE_DIR, 1);
    return true;
  }();
  (void)env;
  fs::path dir = work.path() / "book";
  fs::path out = work.path() / "out";
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::remove_all(out, ec);
  fs::create_directories(dir, ec);
  lay_out(std::string_view(reinterpret_cast<const char*>(data), size), dir);

  folio::support::Diagnostics diags;
  bool checked = false;
  auto m = folio::publish::load_and_check(dir, diags, checked);
  if (!m || diags.has_errors()) return 0;  // check refused it: nothing to compare

  folio::cli::BuildOptions bo;
  bo.dir = dir;
  bo.out_dir = out;
  bo.jobs = 1;
  bo.verbosity = folio::cli::Verbosity::quiet;
  folio::cli::ProgressLine progress(stderr, false);
  folio::cli::BuildOutcome outcome = folio::cli::build_manuscript(bo, progress);
  std::string stem = folio::model::slug(m->document.metadata.title.value);
  bool both = fs::exists(out / (stem + ".epub")) && fs::exists(out / (stem + ".pdf"));
  if (outcome.status != folio::cli::kExitOk || outcome.errors > 0 || !both) {
    std::fprintf(stderr,
                 "check-build-fuzz: check passed but build failed (status %d, %zu errors)\n",
                 outcome.status, outcome.errors);
    __builtin_trap();
  }
  for (const auto& e : fs::directory_iterator(out, ec))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) __builtin_trap();
  return 0;
}
