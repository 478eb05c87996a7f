/**
 * Ticket kinds, category trees and rule-based classification (being written).
 *
 * @module Classification
 * @since 0.1.0
 */
export {}
