// Käytäntökirjasto, the submission form: the result. Shows the finished item file
// and offers the three ways to send it: GitHub, download, copy (a part of lomake.js).
import { itemFile } from "./lomake-tiedosto.js";
import { _ } from "./tekstit.js";

/** Wires the download and copy buttons of `result` (#kk-tulos) and returns the
 * function that shows the file for checked values; `data` is #kk-lomake-data. */
export function formResult(result, data, setStatus) {
  var limits = data.limits;

  function showResult(values) {
    var path = "practices/" + data.kinds[values.kind].folder + "/" + values.slug + ".md";
    var content = itemFile(values, data);
    document.getElementById("kk-polku").textContent = path;
    document.getElementById("kk-sisalto").textContent = content;
    var github = document.getElementById("kk-github");
    var tooLong = document.getElementById("kk-pitka");
    if (data.repository) {
      var base = data.repository.newFileUrl + "?filename=" + encodeURIComponent(path);
      var full = base + "&value=" + encodeURIComponent(content);
      var fits = full.length <= limits.githubUrlMax;
      github.href = fits ? full : base;
      github.hidden = false;
      tooLong.hidden = fits;
    }
    result.hidden = false;
    result.dataset.path = path;
    result.dataset.content = content;
    result.focus();
    setStatus(_("Tiedosto on valmis. Tarkista se ja lähetä jollakin alla olevista tavoista."));
  }

  document.getElementById("kk-lataa").addEventListener("click", function () {
    var blob = new Blob([result.dataset.content], { type: "text/markdown;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = result.dataset.path.split("/").pop();
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    setStatus(_("Tiedosto {name} ladattiin. Tallenna se kansioon {folder}.", { name: link.download, folder: result.dataset.path.replace(/[^/]+$/, "") }));
  });

  document.getElementById("kk-kopioi").addEventListener("click", function () {
    var content = result.dataset.content;
    function fallback() {
      var code = document.getElementById("kk-sisalto");
      var range = document.createRange();
      range.selectNodeContents(code);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      setStatus(_("Kopiointi ei onnistunut automaattisesti. Teksti on valittuna: kopioi se näppäimillä Ctrl+C."));
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(content).then(function () { setStatus(_("Tiedosto kopioitiin leikepöydälle.")); }, fallback);
    } else {
      fallback();
    }
  });

  return showResult;
}
