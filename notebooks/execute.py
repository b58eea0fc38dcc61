"""Executes every notebook in notebooks/ headlessly with nbclient; exits 1 on any error.

    python notebooks/execute.py            # run each notebook in memory, report errors
    python notebooks/execute.py --update   # also write the outputs back into the .ipynb files

Used by scripts/notebooks (which builds planq in release mode and sets PLANQ_BIN).
"""
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

HERE = Path(__file__).resolve().parent


def main():
    update = "--update" in sys.argv[1:]
    failed = []
    for path in sorted(HERE.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        t0 = time.time()
        client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(HERE)}})
        try:
            client.execute()
        except CellExecutionError as e:
            failed.append(path.name)
            print(f"FAIL {path.name}\n{e}", file=sys.stderr)
            continue
        errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            failed.append(path.name)
            print(f"FAIL {path.name}: {errors[0].get('ename')}: {errors[0].get('evalue')}", file=sys.stderr)
            continue
        print(f"ok   {path.name} ({time.time() - t0:.1f} s)")
        if update:
            nbformat.write(nb, path)
    if failed:
        print(f"{len(failed)} notebook(s) failed: {', '.join(failed)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
