import Foundation

extension Screening {
    /// Records the discussed answers and the professional's judgement and closes the screening.
    /// An adjusted level equal to the instrument's is no adjustment; its reason is then dropped.
    @discardableResult
    func complete(_ valid: ScreeningAnswersForm.Valid, definition: InstrumentDefinition, by userID: UUID, now: Date) -> ScreeningScore {
        let score = record(answers: valid.answers, with: definition)
        if let adjusted = valid.adjustedLevel, adjusted != score.level {
            adjustedLevel = adjusted
            adjustmentReason = valid.reason
        } else {
            adjustedLevel = nil
            adjustmentReason = nil
        }
        status = .completed
        completedAt = now
        completedByUserID = userID
        return score
    }
}
