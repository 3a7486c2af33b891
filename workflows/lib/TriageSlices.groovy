import java.nio.file.Files
import java.nio.file.Path

/**
 * Slice ids and inputs for workflows/triage.nf (Nextflow compiles lib/ onto the workflow's class path). The id rule
 * is Triage's (io.github.triage.io.layout.SliceNames): the name without its image extension, cut into words at
 * `_ - .` and spaces; the word z<digits> is the id; two different z-words are an error. Kept in step with
 * SliceNames by NextflowWorkflowTest (it runs the workflow on names Triage reads).
 */
class TriageSlices {
    static final List<String> EXTENSIONS = ['.ome.zarr', '.ome.tiff', '.ome.tif', '.nii.gz', '.zarr', '.tiff', '.tif',
                                            '.nii', '.nrrd', '.h5', '.mhd', '.csv', '.json']
    /** The mosaic formats the quality and stack commands read. */
    static final List<String> MOSAICS = ['.ome.zarr', '.zarr', '.ome.tiff', '.ome.tif', '.tiff', '.tif']

    /** The id as slice_config writes it ("03", "100"), or null when the name has none. */
    static String sliceId(String name) {
        String lower = name.toLowerCase(Locale.ROOT)
        String ext = EXTENSIONS.find { lower.endsWith(it) && lower.length() > it.length() }
        String stem = ext ? name.substring(0, name.length() - ext.length()) : name
        Integer found = null
        String foundWord = null
        for (String word : stem.split(/[_\-.\s]+/)) {
            def m = word =~ /^[zZ](\d+)$/
            if (!m.matches()) continue
            int id = Integer.parseInt(m.group(1))
            if (found != null && found != id)
                throw new IllegalArgumentException("${name}: ambiguous slice id (both ${foundWord} and ${word}); " +
                        'rename the file so that it has one z<NN> word')
            found = id
            foundWord = word
        }
        return found == null ? null : String.format(Locale.ROOT, '%02d', found)
    }

    /** [id, path] of every mosaic in dir, by slice id; an error when there are none or two share an id. */
    static List mosaicsOf(Path dir) {
        def out = list(dir) { Path p ->
            String n = p.fileName.toString().toLowerCase(Locale.ROOT)
            MOSAICS.any { n.endsWith(it) }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("${dir}: no slice mosaics (*z<NN>*.ome.zarr or .tif)")
        return out
    }

    /** [id, path] of every slice_zNN tile folder in dir, by slice id. */
    static List tileFoldersOf(Path dir) {
        def out = list(dir) { Path p -> Files.isDirectory(p) }
        if (out.isEmpty()) throw new IllegalArgumentException("${dir}: no slice tile folders (slice_z<NN>)")
        return out
    }

    private static List list(Path dir, Closure<Boolean> accept) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("${dir}: not a folder")
        def out = []
        Files.list(dir).withCloseable { s ->
            s.each { Path p ->
                String n = p.fileName.toString()
                if (n.startsWith('.') || !accept(p)) return
                String id = sliceId(n)
                if (id != null) out << [id, p]
            }
        }
        out.sort { a, b -> (a[0] as int) <=> (b[0] as int) }
        for (int i = 1; i < out.size(); i++)
            if (out[i][0] == out[i - 1][0])
                throw new IllegalArgumentException("${out[i - 1][1]} and ${out[i][1]}: two inputs for slice ${out[i][0]}")
        return out
    }

    /** Every problem with the parameters, at once. */
    static List<String> problems(Map params) {
        def p = []
        if (!params.mosaics) p << '--mosaics DIR is required (the folder of slice mosaics)'
        if (!params.output) p << '--output DIR is required'
        if (params.tiles && !params.n_extra) p << '--n_extra N is required with --tiles (galvo-return rows)'
        if (params.shifts) {
            if (!(params.tile_fov_mm instanceof Number) || params.tile_fov_mm <= 0)
                p << '--tile_fov_mm MM (positive) is required with --shifts (re-homing correction)'
            if (!(params.slice_thickness_mm instanceof Number) || params.slice_thickness_mm <= 0)
                p << '--slice_thickness_mm MM (positive) is required with --shifts (stacking)'
        }
        if (params.slurm_options == true)
            p << "--slurm_options needs a value; one starting with -- goes in a -params-file ({\"slurm_options\": \"--account=abc\"})"
        if (!(params.max_retries instanceof Number) || params.max_retries < 0) p << '--max_retries must be >= 0'
        return p
    }
}
