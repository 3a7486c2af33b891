package io.github.triage.stage.stream;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.triage.cavg.Tier;

/**
 * The external 2D classifier, run per chunk through a command template. Placeholders {@code {particles}} (the
 * chunk's input STAR), {@code {out}} (output prefix inside the chunk folder), {@code {K}}, {@code {threads}},
 * {@code {references}} (match chunks: the reference's class-average stack; empty otherwise), {@code {mskdiam}} and
 * {@code {smpd}} are substituted shell-quoted and the line runs through {@code sh -c}. Presets: {@code relion}
 * (relion_refine 2D; match chunks against the reference classes) and {@code simulate} (the built-in
 * {@link SimulatedClassifier}); {@code relion:N} is the preset with N iterations; any other value is the template itself.
 */
final class Classifier {
	static final String RELION = "relion", SIMULATE = "simulate";
	/** RELION's own default number of 2D iterations. */
	static final int RELION_ITERATIONS = 25;
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(particles|out|K|threads|references|mskdiam|smpd)\\}");
	private static final String RELION_COMMON = " --tau2_fudge 2 --particle_diameter {mskdiam} --zero_mask"
			+ " --flatten_solvent --psi_step 10 --offset_range 5 --offset_step 2 --ctf --j {threads} --dont_check_norm"
			+ " --random_seed 1";

	final String name;
	private final String template, matchTemplate;

	private Classifier(final String name, final String template, final String matchTemplate) {
		this.name = name;
		this.template = template;
		this.matchTemplate = matchTemplate;
	}

	/** {@code relion}, {@code relion:N} (N iterations), {@code simulate} or a template. */
	static Classifier of(final String value) {
		final String v = value.trim();
		if (v.equalsIgnoreCase(RELION)) return relion(RELION_ITERATIONS);
		if (v.toLowerCase(Locale.ROOT).matches("relion:\\d{1,4}")) return relion(Integer.parseInt(v.substring(7)));
		if (v.equalsIgnoreCase(SIMULATE)) return new Classifier(SIMULATE, null, null);
		if (v.isEmpty()) throw new IllegalArgumentException("the classifier is empty: relion, simulate or a command template");
		if (!v.contains("{particles}") || !v.contains("{out}"))
			throw new IllegalArgumentException("the classifier template must use {particles} and {out}: " + v);
		return new Classifier("template", v, v);
	}

	/** The relion_refine 2D preset with {@code iterations} iterations; match chunks start from the reference classes. */
	static Classifier relion(final int iterations) {
		final String it = " --iter " + iterations;
		return new Classifier(RELION, "relion_refine --i {particles} --o {out} --K {K}" + it + RELION_COMMON,
				"relion_refine --i {particles} --o {out} --ref {references} --K {K} --firstiter_cc" + it + RELION_COMMON);
	}

	boolean simulated() {
		return template == null;
	}

	/** The command line for a chunk of {@code tier}. */
	String command(final Tier tier, final Map<String, String> values) {
		return substitute(tier == Tier.MATCH ? matchTemplate : template, values);
	}

	static String substitute(final String template, final Map<String, String> values) {
		final Matcher m = PLACEHOLDER.matcher(template);
		final StringBuilder sb = new StringBuilder();
		while (m.find())
			m.appendReplacement(sb, Matcher.quoteReplacement(quote(values.getOrDefault(m.group(1), ""))));
		m.appendTail(sb);
		return sb.toString();
	}

	/** Single-quoted for sh: any text, spaces and quotes included; empty becomes {@code ''}. */
	static String quote(final String s) {
		return "'" + s.replace("'", "'\\''") + "'";
	}

	/** A number as a user would type it: 150, 1.06. */
	static String number(final double v) {
		if (Double.isNaN(v)) return "";
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
	}
}
