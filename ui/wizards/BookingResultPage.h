#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace icn::ui {

// Last step: the booking, or the engine's refusal in words with the way forward
// ("the price moved from A to B — re-quote?").
class BookingResultPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit BookingResultPage(QWidget *parent = nullptr);
    void initializePage() override;
    int nextId() const override { return -1; }
    QLabel *headline() const { return m_headline; }
    QLabel *body() const { return m_body; }
    QPushButton *requoteButton() const { return m_requote; }
    QPushButton *changeButton() const { return m_change; }

private:
    QLabel *m_headline = nullptr;
    QLabel *m_body = nullptr;
    QPushButton *m_requote = nullptr;
    QPushButton *m_change = nullptr;
};

} // namespace icn::ui
