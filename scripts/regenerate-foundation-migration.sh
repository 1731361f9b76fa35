#!/usr/bin/env bash
# While the schema is young it is one migration, Foundation; this rebuilds it from the model plus FoundationSql.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=OpsConsole/Platform/Data/Migrations
rm -f "$dir"/*_Foundation.cs "$dir"/*_Foundation.Designer.cs "$dir"/OpsDbContextModelSnapshot.cs
dotnet tool restore >/dev/null
dotnet dotnet-ef migrations add Foundation --project OpsConsole --output-dir Platform/Data/Migrations >/dev/null
f=$(ls "$dir"/*_Foundation.cs)
python3 - "$f" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
down = s.index("        /// <inheritdoc />\n        protected override void Down")
end_up = s.rindex("        }\n", 0, down)
s = s[:end_up] + "            FoundationSql.ApplyUp(migrationBuilder);\n" + s[end_up:]
d = s.index("protected override void Down(MigrationBuilder migrationBuilder)")
b = s.index("{", d)
s = s[:b + 1] + "\n            FoundationSql.ApplyDown(migrationBuilder);" + s[b + 1:]
open(p, "w").write(s)
PY
echo "regenerated $f"
