using System.Text;

namespace OpsConsole.Tests.Integration.Audit;

/// <summary>A strict reader of RFC 4180 CSV, so export tests check what a spreadsheet would read, not only the bytes.</summary>
static class Rfc4180
{
    public static List<List<string>> Parse(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < csv.Length)
        {
            if (csv[i] == '"')
            {
                for (i++; ; i++)
                {
                    if (csv[i] == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                    else if (csv[i] == '"') { i++; break; }
                    else field.Append(csv[i]);
                }
            }
            while (i < csv.Length && csv[i] is not (',' or '\r'))
                field.Append(csv[i++]);
            record.Add(field.ToString());
            field.Clear();
            if (i < csv.Length && csv[i] == '\r')
            {
                Assert.Equal('\n', csv[i + 1]);
                records.Add(record);
                record = [];
                i += 2;
            }
            else
                i++;
        }
        return records;
    }
}
