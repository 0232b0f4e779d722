// searcher: flags -> arguments (arguments.h) -> run(mode) (modes.h). All
// logic lives in core/ and in the small renderers beside this file.
#include "searcher/arguments.h"
#include "searcher/modes.h"

int main(int argc, char** argv) {
  sagsoeg::SearcherArgs args;
  try {
    sagsoeg::parse_arguments(argc, argv, args);
  } catch (const std::exception& e) {
    return sagsoeg::report_failure(args.json, e.what());
  }
  return sagsoeg::run(args);
}
