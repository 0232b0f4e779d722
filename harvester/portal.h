// What a FirstAgenda publication portal serves and where: the committee list
// with its meetings, one meeting's agenda or minutes as JSON, and the pages
// people open (the meeting, an attachment).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sagsoeg::harvest {

struct MeetingRef {
  std::string id;
  std::string date;  ///< YYYY-MM-DD as the portal dates it (local time)
  std::string committee;
  /// The listing's entry for the meeting as text: when it is unchanged
  /// since the last run, so is the meeting (no request needed).
  std::string fingerprint;
};

class Portal {
 public:
  /// `url`: the portal's address, "https://dagsordener.greve.dk" (a trailing
  /// slash or "/vis..." path is dropped). Throws std::invalid_argument when
  /// it is not an http(s) address.
  explicit Portal(const std::string& url);

  const std::string& base() const { return base_; }
  /// "dagsordener.greve.dk" (with ":port" when given): the folder it is stored in.
  const std::string& host() const { return host_; }
  /// "Greve Kommune" for dagsorden(er).<name>.dk, else the host.
  std::string organisation() const;

  std::string committees_url() const { return base_ + "/api/agenda/udvalgsliste"; }
  std::string meeting_url(const std::string& id) const { return base_ + "/api/agenda/dagsorden/" + id; }
  std::string meeting_page(const std::string& id) const { return base_ + "/vis?id=" + id; }
  std::string attachment_page(const std::string& id) const {
    return base_ + "/vis/pdf/bilag/" + id + "/?redirectDirectlyToPdf=false";
  }

 private:
  std::string base_, host_;
};

/// The meetings of every committee in every group of the committee list,
/// each once. Throws std::runtime_error for a body that is no committee list
/// (HTML, truncated JSON), saying what it is.
std::vector<MeetingRef> parse_committee_list(std::string_view body);

/// The attachment ID in a portal link ("/vis/pdf/bilag/<id>/?..."), or "".
std::string attachment_id(std::string_view link);

/// A safe folder or file name part: letters (æ, ø, å too), digits, '-' and
/// inner dots; others as '_'.
std::string path_part(std::string_view text);

}  // namespace sagsoeg::harvest
