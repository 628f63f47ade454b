// The subcommands of `folio`; each returns the process exit status.
#pragma once

#include <filesystem>
#include <string>

#include "cli/report.hpp"

namespace folio::cli {

/// Exit statuses shared by every command.
enum ExitStatus : int { kExitOk = 0, kExitManuscript = 1, kExitUsage = 2 };

struct BuildOptions {
  std::filesystem::path dir = "manuscript";
  std::filesystem::path out_dir = "out";
  bool epub = false;  ///< neither flag: both formats
  bool pdf = false;
  bool werror = false;
};

struct CheckOptions {
  std::filesystem::path dir = "manuscript";
  ReportFormat format = ReportFormat::text;
  bool werror = false;
};

int run_build(const BuildOptions& options);
int run_check(const CheckOptions& options);
int run_dump(const std::filesystem::path& dir);

/// True when diagnostics should be coloured (stderr is a terminal and NO_COLOR is unset).
bool stderr_wants_color();

}  // namespace folio::cli
