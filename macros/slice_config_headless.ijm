// Triage slice_config from a truly headless ImageJ macro (no display, no menus): only call(...) is used.
// Argument: a folder holding shifts_xy.csv. Writes slice_config.csv and cumulative.csv into it.
//   java -Djava.awt.headless=true -Dplugins.dir=FIJI -cp ij.jar:... ij.ImageJ -batch slice_config_headless.ijm /data/brain1
//   ImageJ-linux64 --headless -batch slice_config_headless.ijm /data/brain1
dir = getArgument();
if (dir == "") exit("usage: -batch slice_config_headless.ijm FOLDER (with shifts_xy.csv)");
if (!endsWith(dir, "/")) dir = dir + "/";
f = "io.github.triage.commands.ij1.MacroFunctions.";
shifts = dir + "shifts_xy.csv";
config = dir + "slice_config.csv";

// Each function returns "error: ..." on bad input (call() cannot stop the macro): check before going on.
function check(result) {
	if (startsWith(result, "error")) {
		print("stopping: " + result);
		exit;
	}
	return result;
}

print("generate: " + check(call(f + "generateFromShifts", shifts, config, "1", "1")));
print("stamped: " + check(call(f + "stamp", config, "3", "notes", "checked by eye", "true", "")));
print("use: " + check(call(f + "filter", config)));
print("skip: " + check(call(f + "forceSkip", config)));
csv = check(call(f + "cumulativeShifts", shifts, config, "10", "true"));
File.saveString(csv + "\n", dir + "cumulative.csv");
print(csv);
print("slice_config headless done");
