#!/bin/sh
# PDF of a draft with the test font aliases, from any folder:  tests/fonts/pdf.sh 初稿.docx
# fontconfig silently ignores a relative FONTCONFIG_FILE (every glyph then falls back to one
# sans font), so the path is made absolute from this script's own location.
here=$(cd "$(dirname "$0")" && pwd)
FONTCONFIG_FILE="$here/fonts.conf" exec soffice --headless --convert-to pdf "$@"
