package net.imagej;

import org.scijava.service.SciJavaService;

/**
 * Stand-in for ImageJ2's marker interface, which CLIJ's services implement. Used only outside Fiji (tests,
 * standalone CLI); never packaged into the plugin jar, where it would shadow the real class.
 */
public interface ImageJService extends SciJavaService {
}
