#pragma once

#include "service/MarketService.h"

#include <QWizardPage>

#include <optional>

class QLabel;

namespace icn::ui {

// Step: exactly what will be signed. validatePage() asks the engine again: a moved price or a
// balance that does not cover the total stops here, with the reason shown.
class BookingReviewPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit BookingReviewPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool validatePage() override;
    int nextId() const override;
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *problemLabel() const { return m_problem; }

private:
    void render();

    QLabel *m_summary = nullptr;
    QLabel *m_problem = nullptr;
    std::optional<BookingDraft> m_shown; // what the summary shows
};

} // namespace icn::ui
