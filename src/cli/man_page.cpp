// Renders folio(1) from the command definitions: one source for --help and the man page.
#include "cli/man_page.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>
#include <sstream>
#include <vector>

#ifndef FOLIO_VERSION
#define FOLIO_VERSION "0.0.0"
#endif
#ifndef FOLIO_INSTALL_STYLES_DIR
#define FOLIO_INSTALL_STYLES_DIR "/usr/local/share/folio/styles"
#endif

namespace folio::cli {
namespace {

std::string roff_escape(std::string_view text, bool code) {
  std::string out;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // Our own help text, hence valid UTF-8: decode one code point for a \[uXXXX] escape.
      int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      char32_t cp = c & (0x3F >> (len - 1));
      for (int k = 1; k < len && i + static_cast<std::size_t>(k) < text.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
      out += fmt::format("\\[u{:04X}]", static_cast<std::uint32_t>(cp));
      i += static_cast<std::size_t>(len);
      line_start = false;
      continue;
    }
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else if (c == '-' && code)
      out += "\\-";
    else
      out += static_cast<char>(c);
    line_start = c == '\n';
    ++i;
  }
  return out;
}

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) {
      if (!current.empty()) out.push_back(current);
      current.clear();
      continue;
    }
    current += (current.empty() ? "" : "\n") + line;
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

std::string strip_leading_spaces(const std::string& line) {
  return line.substr(std::min(line.find_first_not_of(' '), line.size()));
}

// A help footer: prose paragraphs, and an "Examples:" paragraph shown as literal lines.
// The top-level footer fills the EXAMPLES section, which has a heading of its own and
// an EXIT STATUS section after it, so there the label and the exit-status line are left out.
std::string footer_roff(const std::string& footer, bool top_level) {
  std::string out;
  for (const std::string& p : paragraphs(footer)) {
    if (top_level && p.starts_with("Exit status:")) continue;
    if (p.starts_with("Examples:")) {
      out += top_level ? ".RS 4\n.nf\n" : ".PP\nExamples:\n.PP\n.RS 4\n.nf\n";
      std::istringstream in(p.substr(p.find('\n') + 1));
      for (std::string line; std::getline(in, line);)
        out += roff_code(strip_leading_spaces(line)) + "\n";
      out += ".fi\n.RE\n";
    } else {
      out += ".PP\n" + roff_text(p) + "\n";
    }
  }
  return out;
}

std::string option_names(const CLI::Option& opt) {
  if (opt.get_positional() && opt.get_snames().empty() && opt.get_lnames().empty())
    return fmt::format("\\fI{}\\fR", roff_code(opt.get_name(true)));
  std::string names;
  for (const auto& s : opt.get_snames())
    names += fmt::format("{}\\fB\\-{}\\fR", names.empty() ? "" : ", ", roff_code(s));
  for (const auto& l : opt.get_lnames())
    names += fmt::format("{}\\fB\\-\\-{}\\fR", names.empty() ? "" : ", ", roff_code(l));
  if (opt.get_expected_max() != 0) {
    std::string type = opt.get_type_name();
    names += fmt::format(" \\fI{}\\fR", roff_code(type.substr(0, type.find(':'))));
  }
  return names;
}

std::string options_roff(const CLI::App& app) {
  std::string out;
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty() || opt->get_lnames() == std::vector<std::string>{"help"}) continue;
    std::string description = opt->get_description();
    if (!description.empty() && description.back() != '.') description += '.';
    std::string type = opt->get_type_name();
    if (auto brace = type.find('{'); brace != std::string::npos)
      description += " One of " + type.substr(brace) + ".";
    if (!opt->get_default_str().empty() && opt->get_expected_max() != 0 &&
        description.find("default") == std::string::npos)
      description += " Default: " + opt->get_default_str() + ".";
    out += ".TP\n" + option_names(*opt) + "\n" + roff_text(description) + "\n";
  }
  return out;
}

std::string synopsis_of(const CLI::App& sub) {
  std::string s = fmt::format("\\fBfolio {}\\fR", roff_code(sub.get_name()));
  bool has_flags = false;
  for (const CLI::Option* opt : sub.get_options()) {
    if (opt->get_group().empty() || opt->get_lnames() == std::vector<std::string>{"help"}) continue;
    if (opt->get_positional() && opt->get_lnames().empty())
      s += opt->get_required() ? fmt::format(" \\fI{}\\fR", roff_code(opt->get_name(true)))
                               : fmt::format(" [\\fI{}\\fR]", roff_code(opt->get_name(true)));
    else
      has_flags = true;
  }
  if (has_flags) s += " [\\fIOPTIONS\\fR]";
  return s;
}

// .TH's date: SOURCE_DATE_EPOCH's, for reproducible builds; else none (never the clock).
std::string page_date() {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (!env || !*env) return "";
  char* end = nullptr;
  long long v = std::strtoll(env, &end, 10);
  if (*end != '\0' || v < 0) return "";
  std::time_t t = static_cast<std::time_t>(v);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace

std::string roff_text(std::string_view text) {
  return roff_escape(text, false);
}
std::string roff_code(std::string_view text) {
  return roff_escape(text, true);
}

std::string man_page(const CLI::App& app) {
  std::string summary = app.get_description();
  if (summary.starts_with("folio: ")) summary = summary.substr(7);
  if (summary.ends_with(".")) summary.pop_back();
  auto subcommands =
      app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });

  std::string out;
  out += ".\\\" folio(1), generated by `folio generate man` from the command definitions.\n";
  out += fmt::format(".TH FOLIO 1 \"{}\" \"folio {}\" \"User Commands\"\n", page_date(),
                     FOLIO_VERSION);
  out += ".SH NAME\nfolio \\- " + roff_text(summary) + "\n";
  out += ".SH SYNOPSIS\n";
  for (const CLI::App* sub : subcommands) out += ".br\n" + synopsis_of(*sub) + "\n";
  out += ".br\n\\fBfolio\\fR \\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR\n";
  out +=
      ".SH DESCRIPTION\n"
      "\\fBfolio\\fR reads a manuscript folder (\\fIbook.yaml\\fR and Markdown files), checks\n"
      "it, and writes an EPUB 3 e\\-book and a typeset, print\\-ready PDF. Diagnostics\n"
      "name the file, line and column, like a compiler's. The manuscript format is\n"
      "described in the \\fIFORMAT.txt\\fR that \\fBfolio init\\fR writes, and in full in\n"
      "folio's \\fIdocs/manuscript.md\\fR.\n";
  out += ".SH GLOBAL OPTIONS\nThese may be given before or after the command.\n";
  out += options_roff(app);
  out += ".SH COMMANDS\n";
  for (const CLI::App* sub : subcommands) {
    out += ".SS \"" + roff_code("folio " + sub->get_name()) + "\"\n";
    out += roff_text(sub->get_description()) + ".\n";
    out += options_roff(*sub);
    out += footer_roff(sub->get_footer(), false);
  }
  out += ".SH EXAMPLES\n";
  out += footer_roff(app.get_footer(), true);
  out +=
      ".SH EXIT STATUS\n"
      ".TP\n0\nSuccess.\n"
      ".TP\n1\nThe manuscript has errors (nothing is written), or, for \\fBinit\\fR, the\n"
      "folder exists and is not empty; for \\fBimport\\fR, the input cannot be imported (nothing\n"
      "is written) or the imported manuscript has errors.\n"
      ".TP\n2\nA usage error, or an input/output problem.\n";
  out +=
      ".SH ENVIRONMENT\n"
      ".TP\n.B SOURCE_DATE_EPOCH\n"
      "Seconds since 1970 to date the outputs with, for reproducible builds (else the\n"
      "manuscript's \\fBdate\\fR). folio never reads the clock into its outputs.\n"
      ".TP\n.B NO_COLOR\nWhen set, diagnostics are not coloured even on a terminal.\n";
  out +=
      ".SH FILES\n"
      ".TP\n.I " +
      roff_code(FOLIO_INSTALL_STYLES_DIR) +
      "\n"
      "The default styles (\\fIclassic.yaml\\fR); a manuscript's own \\fIstyles/\\fR folder\n"
      "is searched first.\n";
  out += ".SH SEE ALSO\n\\fBpandoc\\fR(1), which reads the same manuscript folders.\n";
  return out;
}

}  // namespace folio::cli
