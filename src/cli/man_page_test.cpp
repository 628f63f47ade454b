// The generated man page and completion follow the command definitions they are made from.
#include "cli/man_page.hpp"

#include <gtest/gtest.h>

#include "cli/bash_completion.hpp"

using namespace folio::cli;

TEST(Roff, EscapesWhatRoffWouldInterpret) {
  EXPECT_EQ(roff_text(".starts with a dot"), "\\&.starts with a dot");
  EXPECT_EQ(roff_text("a\n'quote"), "a\n\\&'quote");
  EXPECT_EQ(roff_text("back\\slash"), "back\\eslash");
  EXPECT_EQ(roff_text("store-ready"), "store-ready");
  EXPECT_EQ(roff_code("--pages 1-8"), "\\-\\-pages 1\\-8");
  EXPECT_EQ(roff_text("1–8 …"), "1\\[u2013]8 \\[u2026]");
  EXPECT_EQ(roff_text("é"), "\\[u00E9]");
  EXPECT_EQ(roff_text("𝄞"), "\\[u1D11E]");
}

TEST(ManPage, ListsVisibleCommandsAndTheirOptionsOnly) {
  CLI::App app{"folio: a test app."};
  bool quiet = false;
  std::string dir, format;
  app.add_flag("-q,--quiet", quiet, "Say less");
  auto* build = app.add_subcommand("build", "Build it");
  build->add_option("DIR", dir, "Folder");
  build->add_option("--format", format, "Format")->check(CLI::IsMember({"text", "json"}));
  build->footer("Examples:\n  folio build -q   quietly");
  app.add_subcommand("secret", "Hidden")->group("");
  std::string page = man_page(app);
  EXPECT_NE(page.find(".TH FOLIO 1"), std::string::npos);
  EXPECT_NE(page.find("folio \\- a test app\n"), std::string::npos);
  EXPECT_NE(page.find(".SS \"folio build\""), std::string::npos);
  EXPECT_NE(page.find("\\fB\\-\\-format\\fR"), std::string::npos);
  EXPECT_NE(page.find("One of {text,json}."), std::string::npos);
  EXPECT_NE(page.find("folio build \\-q   quietly"), std::string::npos);
  EXPECT_NE(page.find("\\fB\\-q\\fR, \\fB\\-\\-quiet\\fR"), std::string::npos);
  EXPECT_EQ(page.find("secret"), std::string::npos);

  std::string completion = bash_completion(app);
  EXPECT_NE(completion.find("complete -o filenames -F _folio folio"), std::string::npos);
  EXPECT_NE(completion.find("--format) COMPREPLY=($(compgen -W \"text json\""), std::string::npos);
  EXPECT_EQ(completion.find("secret"), std::string::npos);
}
