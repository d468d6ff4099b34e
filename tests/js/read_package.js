// Read a data package with the Frictionless JavaScript library, as a JavaScript user would:
// load the descriptor strictly, then read and cast every row of every resource.
// Prints one JSON object: {"valid": bool, "errors": [...], "rows": {resource: count}}.
const { Package } = require("datapackage");

async function main(descriptor) {
  const report = { valid: false, errors: [], rows: {} };
  const dp = await Package.load(descriptor, { strict: false });
  report.valid = dp.valid;
  report.errors = dp.errors.map((e) => e.message);
  for (const resource of dp.resources) {
    try {
      const rows = await resource.read({ cast: true });
      report.rows[resource.name] = rows.length;
    } catch (error) {
      const details = (error.errors || []).slice(0, 5).map((e) => e.message);
      report.errors.push(`${resource.name}: ${error.message} ${details.join("; ")}`);
    }
  }
  process.stdout.write(JSON.stringify(report) + "\n");
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
