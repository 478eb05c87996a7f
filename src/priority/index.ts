/**
 * Priority from urgency × impact through a validated matrix (being written).
 *
 * @module Priority
 * @since 0.1.0
 */
export {}
