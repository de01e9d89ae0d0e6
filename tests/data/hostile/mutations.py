"""Mutation checks for the hostile-input suite (issue 7): not a test module.

Each entry disables one guard in a private copy of the repository (never the
working tree), runs the tests that protect it with that copy first on
PYTHONPATH, and prints CAUGHT (a test failed, as it must) or MISSED::

    .venv/bin/python tests/data/hostile/mutations.py            # all
    .venv/bin/python tests/data/hostile/mutations.py "csv"      # names containing "csv"

A patch whose text no longer matches the code prints PATCH-NOT-FOUND: update it.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[3]
WORK = Path(os.environ.get("TMPDIR", "/tmp")) / "claimgraph-mutations"
M = [
 # (name, file, old, new, tests)
 ("yaml tags", "src/claimgraph/io/yaml_read.py", "    fn = _SCALAR_CONSTRUCTORS.get(tag)\n    if fn is None:\n", "    fn = _SCALAR_CONSTRUCTORS.get(tag)\n    if fn is None:\n        return node.value\n    if fn is None:\n",
  ["tests/test_hostile_load.py::test_a_python_object_tag_is_refused_and_never_run", "tests/test_hostile_load.py::test_every_tag_beyond_plain_data_is_a_yaml_tag_problem"]),
 ("alias limit", "src/claimgraph/io/yaml_read.py", "if expanded - _unique_size(node) > MAX_ALIAS_NODES:", "if False:",
  ["tests/test_hostile_load.py::test_a_billion_laughs_bomb_is_refused_fast_and_in_little_memory", "tests/test_hostile_load.py::test_aliases_just_under_the_limit_are_accepted_and_just_over_refused", "tests/test_hostile_load.py::test_validate_refuses_an_alias_bomb_under_a_memory_and_cpu_limit"]),
 ("depth limit", "src/claimgraph/io/yaml_read.py", "    if not _check_depth_safe(text, path, report):\n        return None\n", "",
  ["tests/test_hostile_load.py::test_deep_nesting_is_refused_without_recursing"]),
 ("size limit (stat)", "src/claimgraph/io/files.py", "    data = b\"\" if size > limit else read_at_most(path, limit, size)\n    if size > limit or len(data) > limit:", "    data = path.read_bytes()\n    if False:",
  ["tests/test_hostile_load.py::test_a_file_over_the_size_limit_is_refused_without_being_read"]),
 ("size limit (decode)", "src/claimgraph/io/yaml_read.py", "    if len(data) > files.MAX_FILE_BYTES:", "    if False:",
  ["tests/test_hostile_load.py::test_bytes_over_the_size_limit_are_refused_by_decode"]),
 ("count range order", "src/claimgraph/quantities.py", "    if low > high:\n", "    if False:\n",
  ["tests/test_hostile_quantities.py"]),
 ("count text length", "src/claimgraph/quantities.py", "    if len(original) > MAX_COUNT_TEXT:", "    if False:",
  ["tests/test_hostile_quantities.py::test_an_over_long_count_is_refused_by_its_length"]),
 ("md pipe escape", "src/claimgraph/views/escape.py", r'_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~$])")', r'_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&~$])")',
  ["tests/test_hostile_render.py"]),
 ("md html escape", "src/claimgraph/views/escape.py", r'_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~$])")', r'_MD_SPECIAL = re.compile(r"([\\`*_\[\]|&~$])")',
  ["tests/test_hostile_render.py"]),
 ("md newline", "src/claimgraph/views/escape.py", '    return _BLANK.sub(" ", text).strip()', '    return text',
  ["tests/test_hostile_render.py"]),
 ("safe_url", "src/claimgraph/views/escape.py", '    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:\n        return None\n', '',
  ["tests/test_hostile_render.py::test_hostile_corpora_render_to_safe_well_formed_markdown"]),
 ("mermaid quote", "src/claimgraph/views/escape.py", '_MERMAID_UNSAFE = re.compile(r"[^\\w ,.:!?/\'+=@-]", re.UNICODE)', '_MERMAID_UNSAFE = re.compile(r"[^\\w ,.:!?/\'+=@\\"<>-]", re.UNICODE)',
  ["tests/test_hostile_render.py"]),
 ("safe_filename", "src/claimgraph/output.py", '    stem = _UNSAFE.sub("-", ident).strip(".-")\n', '    return ident + suffix\n',
  ["tests/test_injection.py"]),
 ("output name check", "src/claimgraph/output.py", "        if not plain_name(name):\n            raise OutputError", "        if False:\n            raise OutputError",
  ["tests/test_injection.py::test_the_output_folder_refuses_a_name_that_is_not_a_plain_file_name"]),
 ("symlink refuse", "src/claimgraph/output.py", '            mode = os.lstat(target).st_mode\n', '            mode = os.stat(target).st_mode\n',
  ["tests/test_injection.py::test_a_symlink_planted_in_the_output_folder_is_never_followed"]),
 ("source path confinement", "src/claimgraph/load/sources.py", "        if not found.is_relative_to(base) and not found.is_relative_to(path.resolve().parent):", "        if False:",
  ["tests/test_injection.py::test_a_source_file_outside_the_project_is_never_read", "tests/test_injection.py::test_a_symlinked_source_file_pointing_outside_is_refused"]),
 ("csv formula", "src/claimgraph/views/tables.py", 'def spreadsheet_safe(text: str) -> str:\n', 'def spreadsheet_safe(text: str) -> str:\n    return text\n',
  ["tests/test_injection.py::test_csv_cells_that_a_spreadsheet_would_run_are_defused"]),
 ("manifest rule", "src/claimgraph/output.py", '        return "replace" if self.force else "refuse"', '        return "replace"',
  ["tests/test_no_lost_work.py::test_a_report_edited_by_hand_is_not_clobbered_and_nothing_else_is_written", "tests/test_no_lost_work.py::test_a_persons_notes_in_the_reports_folder_survive_every_run", "tests/test_no_lost_work.py::test_a_file_of_the_same_name_that_claimgraph_did_not_write_is_refused", "tests/test_no_lost_work.py::test_an_export_file_a_person_wrote_is_not_overwritten"]),
 ("stale removal check", "src/claimgraph/output.py", "            if self._ours(name, hash_path(target)):\n                target.unlink()", "            if True:\n                target.unlink()",
  ["tests/test_no_lost_work.py::test_a_stale_report_edited_by_hand_is_kept_with_a_warning"]),
 ("extract no-overwrite", "src/claimgraph/extract/draftfile.py", "    if target.exists() and not force:", "    if False:",
  ["tests/test_no_lost_work.py::test_extract_never_overwrites_a_draft_without_force"]),
 ("extract no-overwrite (both)", "src/claimgraph/extract/draftfile.py", "    if target.exists() and not force:", "    force = True\n    if False:",
  ["tests/test_no_lost_work.py::test_extract_never_overwrites_a_draft_without_force"]),
 ("atomic write (report)", "src/claimgraph/output.py", "                os.replace(temps.pop(name), self.path / name)\n",
  "                _t = temps.pop(name); _d = open(_t, 'rb').read(); _f = open(self.path / name, 'wb'); _f.write(_d[: len(_d) // 2]); _f.flush(); os.fsync(_f.fileno()); _f.write(_d[len(_d) // 2 :]); _f.close(); os.unlink(_t)\n",
  ["tests/test_no_lost_work.py::test_report_killed_mid_write_leaves_every_report_whole"]),
 ("atomic write (convert)", "src/claimgraph/io/atomic.py", '        if durable:\n            flush([tmp])\n        if replace:\n            os.replace(tmp, target)\n        else:\n            os.link(tmp, target)  # fails if the target exists: never clobber\n            os.unlink(tmp)',
  '        with open(target, "wb") as fh:\n            half = len(data) // 2\n            fh.write(data[:half])\n            fh.flush()\n            os.fsync(fh.fileno())\n            fh.write(data[half:])\n        os.unlink(tmp)',
  ["tests/test_no_lost_work.py::test_convert_killed_mid_write_leaves_every_file_whole"]),
 ("adopt rule", "src/claimgraph/output.py", '            return "unchanged" if self.manifest.get(name) == current else "adopt"', '            return "unchanged" if self.manifest.get(name) == current else "refuse"',
  ["tests/test_output.py::test_files_already_as_they_would_be_written_are_adopted_without_a_manifest", "tests/test_concurrency.py::test_a_run_that_finds_files_another_run_just_wrote_adopts_them", "tests/test_concurrency.py::test_two_reports_at_once_both_finish_and_agree_with_one_run"]),
 ("cache checksum", "src/claimgraph/cache.py", '            or header.get("sha256") != hashlib.sha256(payload).hexdigest()\n', '',
  ["tests/test_concurrency.py::test_a_damaged_cache_entry_is_a_miss_then_rewritten"]),
 ("cache fingerprint", "src/claimgraph/cache.py", '            or header.get("fingerprint") != self.fingerprint\n', '',
  ["tests/test_concurrency.py::test_a_damaged_cache_entry_is_a_miss_then_rewritten"]),
 ("claimreview script escape", "src/claimgraph/views/claimreview.py", "    return text.translate(_SCRIPT_SAFE) + \"\\n\"", "    return text + \"\\n\"",
  ["tests/test_injection.py::test_claimreview_json_ld_cannot_close_the_script_element_it_is_embedded_in"]),
 ("output OSError", "src/claimgraph/output.py", "                raise _cannot(\"write\", doing, exc, exact=True) from exc", "                raise",
  ["tests/test_cli_errors.py::test_an_output_folder_that_cannot_be_made_is_a_message", "tests/test_cli_errors.py::test_a_full_disk_is_a_message_and_earlier_outputs_stay_whole"]),
 ("convert no-overwrite", "src/claimgraph/convert.py", "    if existing and not force:", "    if False:",
  ["tests/test_no_lost_work.py::test_convert_never_overwrites_a_file_in_the_destination_without_force"]),
 ("run cache output check", "src/claimgraph/cache.py", "        for name, digest in outputs.items():\n            if hash_file(out_dir / name) != digest:\n                return None\n", "",
  ["tests/test_concurrency.py::test_a_damaged_cache_is_rebuilt_and_results_match_a_run_without_cache", "tests/test_concurrency.py::test_a_cached_run_whose_reports_were_deleted_is_stale_and_runs_again"]),
 ("manifest entry names", "src/claimgraph/output.py", "        return {name: digest for name, digest in files.items() if plain_name(name)}", "        return dict(files)",
  ["tests/test_injection.py::test_a_manifest_entry_outside_the_output_folder_is_never_deleted"]),
 ("device or fifo", "src/claimgraph/io/files.py", "    if path.exists() and not path.is_file():", "    if False:",
  ["tests/test_hostile_load.py::test_a_claim_file_that_is_a_device_or_a_fifo_is_refused_not_read_forever"]),
 ("cache signature", "src/claimgraph/cache.py", "            or not hmac.compare_digest(header[\"hmac\"], _sign(self.fingerprint, kind, key, payload))\n", "",
  ["tests/test_concurrency.py::test_a_crafted_cache_entry_shipped_with_a_project_never_runs_code"]),
 ("extract report regular file", "src/claimgraph/io/files.py", "    if path.exists() and not path.is_file():", "    if False:",
  ["tests/test_hostile_extract.py::test_a_report_that_never_ends_is_refused"]),
 ("cli handled", "src/claimgraph/cli/common.py", "        if isinstance(exc, ClaimgraphError):\n            fail(exc)\n", "        return None\n",
  ["tests/test_cli_errors.py"]),
 ("held signals", "src/claimgraph/output.py", "    def check(self) -> None:\n", "    def check(self) -> None:\n        return\n",
  ["tests/test_hostile_interrupts.py::test_a_signal_while_temporary_files_are_written_leaves_none_and_the_old_reports"]),
 ("manifest before renames", "src/claimgraph/output.py", "                self.pending = {name: digests[name] for name in temps}\n", "",
  ["tests/test_hostile_interrupts.py::test_a_run_killed_among_the_renames_is_finished_by_the_next_run_without_force"]),
 ("leftover removal", "src/claimgraph/output.py", "            self._remove_leftovers(set(wanted))\n", "",
  ["tests/test_hostile_interrupts.py::test_a_run_killed_while_writing_temporary_files_leaves_them_to_the_next_run"]),
 ("report write error names", "src/claimgraph/output.py", "                raise _cannot(\"write\", doing, exc, exact=True) from exc", "                raise _cannot(\"write\", doing, exc) from exc",
  ["tests/test_hostile_interrupts.py::test_a_write_error_names_the_report_not_its_temporary_file"]),
 ("cache signs the place", "src/claimgraph/cache.py", "    message = content_key(b\"claimgraph-cache-entry\", fingerprint, kind, key, payload)\n", "    message = content_key(payload)\n",
  ["tests/test_hostile_cache.py::test_an_authentic_entry_copied_under_another_key_is_a_miss"]),
 ("run cache project root", "src/claimgraph/jobs/__init__.py", "source_text_candidates(corpus, project_root(claims_dir))", "source_text_candidates(corpus, claims_dir.parent)",
  ["tests/test_hostile_cache.py::test_an_edited_source_text_under_a_symlinked_claims_folder_makes_the_run_stale"]),
 ('count as written', 'src/claimgraph/load/values.py', '            if item.text is not None and not _DECIMAL.fullmatch(item.text):', '            if False:',
  ['tests/test_hostile_names.py::test_a_count_with_leading_zeros_is_read_as_the_decimal_it_shows', 'tests/test_hostile_names.py::test_a_count_in_another_base_or_sexagesimal_is_refused_at_its_line']),
 ('case-only event ids', 'src/claimgraph/load/corpus.py', '    _check_case(corpus, report)\n', '',
  ['tests/test_hostile_names.py::test_event_ids_that_differ_only_by_case_are_refused']),
 ('case-only file names', 'src/claimgraph/output.py', '        _check_case(self.path, wanted)\n', '',
  ['tests/test_hostile_interrupts.py::test_two_names_that_differ_only_by_case_are_refused']),
 ('problem one line', 'src/claimgraph/problems.py', '        return printable(self._text())', '        return self._text()',
  ['tests/test_hostile_names.py::test_a_newline_in_a_file_name_keeps_one_problem_on_one_line', 'tests/test_hostile_names.py::test_a_problem_string_never_holds_a_control_character']),
 ('table escapes', 'src/claimgraph/cli/common.py', '    typer.echo(printable(text, keep="\\n"), nl=False)', '    typer.echo(text, nl=False)',
  ['tests/test_hostile_names.py::test_tables_show_terminal_escapes_from_the_data_as_text']),
 ('terminal data escapes', 'src/claimgraph/cli/common.py', 'printable(text, keep="\\n\\r\\t") if sys.stdout.isatty() else text', 'text',
  ['tests/test_hostile_names.py::test_nothing_from_the_data_reaches_a_real_terminal_raw']),
 ('md to a dash', 'src/claimgraph/cli/report.py', '        if format is Format.md and output is not None and str(output) == "-":', '        if False:',
  ['tests/test_hostile_names.py::test_report_md_to_a_dash_is_refused_and_makes_no_folder']),
 ('csv short rows', 'src/claimgraph/bulk.py', '        if len(row) < len(header):', '        if False:',
  ['tests/test_hostile_names.py::test_a_csv_row_with_too_few_cells_is_refused_at_its_line']),
 ('convert csv formula', 'src/claimgraph/bulkcells.py', '    return "\'" + cell if risky else cell', '    return cell',
  ['tests/test_injection.py::test_convert_to_csv_defuses_formulas_and_the_round_trip_stays_lossless']),
 ('convert csv formula undo', 'src/claimgraph/bulkcells.py', '    return cell[1:] if cell.startswith(_DEFUSED_START) else cell', '    return cell',
  ['tests/test_injection.py::test_convert_to_csv_defuses_formulas_and_the_round_trip_stays_lossless']),
 ('pipe as source file', 'src/claimgraph/load/sources.py', '        if found is None and any(c.exists() for c in candidates):', '        if False:',
  ['tests/test_hostile_names.py::test_a_pipe_given_as_a_source_file_is_named_a_pipe_not_missing']),
 ('utf-16 named', 'src/claimgraph/io/yaml_read.py', '    wide = _utf16_or_32(data)\n', '    wide = None\n',
  ['tests/test_hostile_names.py::test_a_utf16_claim_file_is_named_utf16']),
 ('convert held signals', 'src/claimgraph/convert.py', '    with HeldSignals() as held:\n', '    held = HeldSignals()\n    if True:\n',
  ['tests/test_hostile_interrupts.py::test_convert_interrupted_leaves_no_temporary_file_and_whole_files']),
]
def main() -> None:
    only = sys.argv[1:]
    results = []
    for name, file, old, new, tests in M:
        if only and not any(o in name for o in only):
            continue
        work = WORK
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        for part in ("src", "tests", "benchmarks", "claims", "seeds", "reports"):
            shutil.copytree(SRC / part, work / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", ".hypothesis"))
        for f in ("pyproject.toml", "README.md"):
            shutil.copy(SRC / f, work / f)
        target = work / file
        text = target.read_text()
        if old not in text:
            results.append((name, "PATCH-NOT-FOUND", 0.0)); print(name, "PATCH NOT FOUND", flush=True); continue
        target.write_text(text.replace(old, new, 1))
        env = {**os.environ, "PYTHONPATH": str(work / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
        check = subprocess.run([sys.executable, "-c", "import claimgraph; print(claimgraph.__file__)"], env=env, capture_output=True, text=True, cwd=work)
        assert check.stdout.startswith(str(work)), check.stdout + check.stderr
        t = time.time()
        try:
            done = subprocess.run(
                ["bash", "-c", "ulimit -v 3000000; exec \"$@\"", "x", sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "--no-header", "-o", "addopts=--strict-markers", *tests],
                env=env, cwd=work, capture_output=True, text=True, timeout=300)
            tail = [l for l in done.stdout.splitlines() if l.strip()][-1:]
            verdict = "CAUGHT" if done.returncode != 0 else "MISSED"
            detail = tail[0][:120] if tail else done.stderr[-200:]
        except subprocess.TimeoutExpired:
            verdict, detail = "CAUGHT (timeout)", ""
        results.append((name, verdict, time.time() - t))
        print(f"{name:28s} {verdict:16s} {time.time()-t:6.1f}s  {detail}", flush=True)


if __name__ == "__main__":
    main()
