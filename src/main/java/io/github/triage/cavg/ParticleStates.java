package io.github.triage.cavg;

/**
 * Class states to particle states (SIMPLE's map2ptcls_state followed by the clean-up of deselected particles): a
 * particle of a rejected class gets state 0 and class 0; a particle already without a class (0) or already
 * deselected stays deselected (the new state is AND-ed with the old one).
 */
public final class ParticleStates {

	/**
	 * @param states   per particle: 1 selected, 0 deselected
	 * @param classes  per particle: its class, 0 when deselected
	 * @param selected number of particles with state 1
	 */
	public record Result(int[] states, int[] classes, int selected) {
	}

	private ParticleStates() {
	}

	/**
	 * @param particleClasses per particle: class number 1..n, or 0 for none
	 * @param classStates     per class (index class-1): 1 kept, 0 rejected
	 * @param priorStates     per particle: existing state (1/0), or null when all selected
	 * @throws IllegalArgumentException a class number outside 0..n (callers check first to name the line)
	 */
	public static Result propagate(final int[] particleClasses, final int[] classStates, final int[] priorStates) {
		final int n = particleClasses.length;
		final int[] states = new int[n], classes = new int[n];
		int selected = 0;
		for (int i = 0; i < n; i++) {
			final int c = particleClasses[i];
			if (c < 0 || c > classStates.length)
				throw new IllegalArgumentException("Particle " + (i + 1) + " has class " + c + ", outside 0.."
						+ classStates.length);
			final boolean keep = c > 0 && classStates[c - 1] > 0 && (priorStates == null || priorStates[i] > 0);
			states[i] = keep ? 1 : 0;
			classes[i] = keep ? c : 0;
			if (keep) selected++;
		}
		return new Result(states, classes, selected);
	}
}
