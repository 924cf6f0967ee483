#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace icn::ui {

class MonthSpinBox;

// Step 2: size, start month and duration, with the limits shown and a live quote that follows
// every keystroke (slices, HP cost, margin, total). Complete only when the engine can quote it.
class BookingRequestPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit BookingRequestPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;

    QLineEdit *sizeEdit() const { return m_size; }
    QComboBox *unitCombo() const { return m_unit; }
    MonthSpinBox *startSpin() const { return m_start; }
    QSpinBox *durationSpin() const { return m_duration; }
    QLabel *totalLabel() const { return m_total; }

private:
    void scheduleQuote();
    void showQuote();

    QLineEdit *m_size = nullptr;
    QComboBox *m_unit = nullptr;
    MonthSpinBox *m_start = nullptr;
    QSpinBox *m_duration = nullptr;
    QLabel *m_limits = nullptr;
    QLabel *m_cluster = nullptr;
    QLabel *m_slices = nullptr;
    QLabel *m_hpCost = nullptr;
    QLabel *m_margin = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_problem = nullptr;
    QCheckBox *m_explain = nullptr;
    QTimer *m_debounce = nullptr;
    bool m_prefilled = false; // dates come from the selection once; Back/Next keeps the user's choice
};

} // namespace icn::ui
