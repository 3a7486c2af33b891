#!/usr/bin/env nextflow
/*
 * Triage's OCT flow on Nextflow: the same steps, inputs and outputs as `triage oct run`, with the per-slice steps
 * fanned out (one task per slice) and every slice_config written by one consolidation task (single writer, no
 * in-place update: each writer reads the config the previous one wrote and writes a new file). Every task calls
 * the headless Triage command line (workflows/bin/triage), so Fiji, macros, `oct run` and the cluster run the same
 * code. docs/nextflow.md explains the parameters, profiles and failure handling.
 *
 *   workflows/nextflow run workflows/triage.nf --mosaics DIR --output DIR [--shifts F --tile_fov_mm MM
 *       --slice_thickness_mm MM] [--slice_config F] [--tiles DIR --n_extra N] [--metrics DIR] [--fragments DIR]
 *       [--min_quality Q] [--allow_failed_slices] [-profile slurm] [-resume]
 */
nextflow.enable.dsl = 2


def lastAttempt() { params.max_retries as int + 1 }

// ---- per-slice fan-out: each task writes its own fragment, nothing shared --------------------------------------

process GALVO_SLICE {
    tag "slice ${id}"
    label 'per_slice'
    publishDir "${params.output}/galvo", mode: params.publish_mode

    input:
    tuple val(id), path(tiles)

    output:
    path "slice_z${id}_galvo.csv", emit: fragment, optional: true
    path 'galvo_diagnostics/*.json', emit: diagnostics, optional: true
    path "slice_z${id}_*_failed.csv", emit: failed, optional: true

    script:
    """
    slice-task ${id} galvo 'galvo detection' ${task.attempt} ${lastAttempt()} ${params.allow_failed_slices} -- \\
        triage galvo detect-slice ${tiles} --n-extra ${params.n_extra} --use-gpu ${params.use_gpu} \\
        --threads ${task.cpus} -o slice_z${id}_galvo.csv
    """
}

process QUALITY_SLICE {
    tag "slice ${id}"
    label 'per_slice'
    publishDir "${params.output}/quality/fragments", mode: params.publish_mode

    input:
    tuple val(id), path(mosaic), val(previous), val(next), path(neighbours, stageAs: 'neighbours/*')

    output:
    path "slice_z${id}_quality_metrics.*", emit: fragment, optional: true
    path "slice_z${id}_*_failed.csv", emit: failed, optional: true

    script:
    def prev = previous ? "--previous neighbours/${previous}" : ''
    def nxt = next ? "--next neighbours/${next}" : ''
    """
    slice-task ${id} quality 'quality measurement' ${task.attempt} ${lastAttempt()} ${params.allow_failed_slices} -- \\
        triage quality measure-slice ${mosaic} ${prev} ${nxt} --use-gpu ${params.use_gpu} -o .
    """
}

// ---- single writers: each reads one slice_config and writes a new one ------------------------------------------

process GENERATE_CONFIG {
    label 'light'
    publishDir "${params.output}/config", mode: params.publish_mode

    input:
    path mosaics

    output:
    path 'slice_config.csv'

    script:
    """
    triage slice-config generate --from-mosaics ${mosaics} -o slice_config.csv
    """
}

process MERGE_GALVO {
    label 'light'
    publishDir "${params.output}/galvo", mode: params.publish_mode

    input:
    path config, stageAs: 'input/slice_config.csv'
    path fragments, stageAs: 'fragments/*'

    output:
    path 'slice_config.csv'

    script:
    """
    mkdir -p fragments
    triage slice-config merge-fragments ${config} fragments --add-missing -o slice_config.csv
    """
}

process QUALITY_CONSOLIDATE {
    label 'light'
    publishDir "${params.output}/quality", mode: params.publish_mode

    input:
    path config, stageAs: 'input/slice_config.csv'
    path fragments, stageAs: 'fragments/*'

    output:
    path 'slice_config.csv', emit: config
    path 'report/quality_report.csv', emit: report
    path 'report/*'

    script:
    """
    mkdir -p fragments
    triage quality consolidate fragments --existing-config ${config} --min-quality ${params.min_quality} \\
        --report-dir report -o slice_config.csv
    """
}

process REHOMING {
    label 'light'
    publishDir "${params.output}/rehoming", mode: params.publish_mode

    input:
    path config, stageAs: 'input/slice_config.csv'
    path shifts

    output:
    path 'slice_config.csv', emit: config
    path 'shifts_xy_corrected.csv', emit: shifts

    script:
    """
    triage slice-config rehoming ${config} --shifts ${shifts} --tile-fov-mm ${params.tile_fov_mm} \\
        --max-shift-mm ${params.max_shift_mm} --shifts-out shifts_xy_corrected.csv -o slice_config.csv
    """
}

process AUTO_EXCLUDE {
    label 'light'
    publishDir "${params.output}/auto_exclusion", mode: params.publish_mode

    input:
    path config, stageAs: 'input/slice_config.csv'
    path metrics

    output:
    path 'slice_config.csv'

    script:
    """
    triage slice-config auto-exclude ${config} --metrics ${metrics} -o slice_config.csv
    """
}

process INTERPOLATION {
    label 'light'
    publishDir "${params.output}/interpolation", mode: params.publish_mode

    input:
    path config, stageAs: 'input/slice_config.csv'
    path fragments

    output:
    path 'slice_config.csv'

    script:
    // linumpy's finalise adds a row (use=false) for an interpolated slice the config does not list
    """
    triage slice-config merge-fragments ${config} ${fragments} --add-missing -o slice_config.csv
    """
}

process FINALISE {
    label 'light'
    publishDir "${params.output}", mode: params.publish_mode

    input:
    path config, stageAs: 'input/slice_config.csv'
    path failed, stageAs: 'failed/*'

    output:
    path 'slice_config_final.csv'

    script:
    // slices whose task failed under --allow_failed_slices: use=false, the reason in notes, merged last so that
    // no later decision turns them back on
    """
    if ls failed/*.csv >/dev/null 2>&1; then
        triage slice-config merge-fragments ${config} failed --add-missing -o slice_config_final.csv
    else
        cp ${config} slice_config_final.csv
    fi
    """
}

// ---- assembly ---------------------------------------------------------------------------------------------------

/*
 * One task: align-from-shifts derives the common canvas from every selected slice's shift and footprint, then
 * resamples slice by slice, plane by plane (memory bounded by one plane per slice). A per-slice fan-out needs the
 * canvas first and a one-slice mode of the command, which it does not have yet.
 */
process ALIGN {
    label 'assembly'
    publishDir "${params.output}/align", mode: params.publish_mode

    input:
    path mosaics
    path shifts
    path config

    output:
    path 'aligned'

    script:
    """
    triage stack align-from-shifts ${mosaics} ${shifts} --slice-config ${config} --threads ${task.cpus} -o aligned
    """
}

process STACK {
    label 'assembly'
    publishDir "${params.output}/stack", mode: params.publish_mode

    input:
    path aligned
    path config

    output:
    path 'volume.ome.zarr', emit: volume
    path 'volume_metrics.json', optional: true

    script:
    """
    triage stack assemble ${aligned} --slice-config ${config} --slice-thickness-mm ${params.slice_thickness_mm} \\
        -o volume.ome.zarr
    """
}

process REPORT {
    label 'light'
    publishDir "${params.output}", mode: params.publish_mode

    input:
    path config
    path quality_report, stageAs: 'inputs/quality_report.csv'
    path diagnostics, stageAs: 'diagnostics/*'
    path mosaics
    path optional, stageAs: 'inputs/*'
    val flags

    output:
    path 'report.html'

    script:
    """
    triage report -q ${config} --quality-report ${quality_report} --diagnostics diagnostics --mosaics ${mosaics} \\
        --min-quality ${params.min_quality} ${flags} -o report.html
    """
}

workflow {
    def problems = TriageSlices.problems(params)
    if (!file(params.triage_home).resolve('target').list()?.any { it ==~ /Triage_-.*\d(-SNAPSHOT)?\.jar/ })
        problems << "no built Triage in ${params.triage_home}/target: build it first (mvn -DskipTests package)"
    if (problems) error "Triage workflow: ${problems.join('; ')}"
    def mosaicsDir = file(params.mosaics, checkIfExists: true)
    def mosaics = TriageSlices.mosaicsOf(mosaicsDir)

    def config = params.slice_config ? Channel.value(file(params.slice_config, checkIfExists: true))
                                     : GENERATE_CONFIG(mosaicsDir)
    def failed = Channel.empty()
    def diagnostics = Channel.empty()

    if (params.tiles) {
        def galvo = GALVO_SLICE(Channel.fromList(TriageSlices.tileFoldersOf(file(params.tiles, checkIfExists: true))))
        config = MERGE_GALVO(config, galvo.fragment.collect(sort: true).ifEmpty([]))
        failed = failed.mix(galvo.failed)
        diagnostics = diagnostics.mix(galvo.diagnostics.flatten())
    }

    // each slice with its previous and next mosaic (by slice id), as `oct run` measures them
    def triples = (0..<mosaics.size()).collect { i ->
        def prev = i > 0 ? mosaics[i - 1][1] : null
        def next = i + 1 < mosaics.size() ? mosaics[i + 1][1] : null
        [mosaics[i][0], mosaics[i][1], prev?.name, next?.name, [prev, next].findAll { it != null }]
    }
    def quality = QUALITY_SLICE(Channel.fromList(triples))
    failed = failed.mix(quality.failed)
    def fragments = quality.fragment.flatten()
    diagnostics = diagnostics.mix(fragments.filter { it.name.endsWith('.json') })
    def consolidated = QUALITY_CONSOLIDATE(config, fragments.collect(sort: true).ifEmpty([]))
    config = consolidated.config

    def corrected = null
    if (params.shifts) {
        def rehomed = REHOMING(config, file(params.shifts, checkIfExists: true))
        config = rehomed.config
        corrected = rehomed.shifts
    }
    if (params.metrics) config = AUTO_EXCLUDE(config, file(params.metrics, checkIfExists: true))
    if (params.fragments) config = INTERPOLATION(config, file(params.fragments, checkIfExists: true))
    def finalConfig = FINALISE(config, failed.collect(sort: true).ifEmpty([]))

    def volume = Channel.value([])
    if (params.shifts) {
        def aligned = ALIGN(mosaicsDir, corrected, finalConfig)
        volume = STACK(aligned, finalConfig).volume
    }

    // the report's optional inputs, staged under inputs/ with the flags that name them
    def optional = []
    def flags = []
    if (params.shifts) {
        optional << file(params.shifts)
        flags << "--shifts inputs/${file(params.shifts).name}"
    }
    if (params.metrics) {
        optional << file(params.metrics)
        flags << "--metrics inputs/${file(params.metrics).name}"
    }
    def extras = Channel.value(optional)
    if (params.shifts) {
        extras = extras.combine(corrected).combine(volume).map { it.flatten() }
        flags << '--corrected-shifts inputs/shifts_xy_corrected.csv' << '--volume inputs/volume.ome.zarr'
    }
    REPORT(finalConfig, consolidated.report, diagnostics.collect(sort: true).ifEmpty([]), mosaicsDir, extras,
            flags.join(' '))
}

workflow.onError {
    log.error "Triage workflow failed: ${workflow.errorMessage ?: 'see above'}"
}
