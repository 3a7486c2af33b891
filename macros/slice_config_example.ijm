// Triage slice_config from a plain ImageJ 1.x macro (menu entries of plugins.config, Plugins > Triage > Macro).
// Argument: a folder holding shifts_xy.csv. Writes slice_config.csv, ids.txt and cumulative.csv into it.
// ImageJ/Fiji:  ImageJ -batch macros/slice_config_example.ijm /data/brain1
// The run(...) forms need menus (a display; use xvfb-run on a server). Truly headless, see slice_config_headless.ijm.
dir = getArgument();
if (dir == "") exit("usage: -batch slice_config_example.ijm FOLDER (with shifts_xy.csv)");
if (!endsWith(dir, "/")) dir = dir + "/";
shifts = dir + "shifts_xy.csv";
config = dir + "slice_config.csv";

// Every slice of the shifts file; slice 0 is the calibration slice, slice 1 is excluded by hand.
run("Slice config generate", "shifts=[" + shifts + "] exclude=[1] exclude_first=1 output=[" + config + "]");
// A note on slice 3, appended to what is there.
run("Slice config stamp", "config=[" + config + "] slices=[3] column=notes value=[checked by eye] append_notes");
// The slices to use, one per line in the Log and in ids.txt.
run("Slice config filter", "config=[" + config + "] output=[" + dir + "ids.txt]");
// Cumulative shifts of the used slices, centred, in mm and in pixels of 10 um.
run("Cumulative shifts", "shifts=[" + shifts + "] config=[" + config + "] resolution=10 center output=[" + dir + "cumulative.csv]");

// The same module through call(), which also works without menus.
print("use: " + call("io.github.triage.commands.ij1.MacroFunctions.filter", config));
print("skip: " + call("io.github.triage.commands.ij1.MacroFunctions.forceSkip", config));
print("slice_config example done");
