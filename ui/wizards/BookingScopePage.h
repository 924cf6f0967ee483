#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;

namespace icn::ui {

// Step 1: where to book — a region, zone or cluster (never a single HN).
class BookingScopePage : public QWizardPage
{
    Q_OBJECT

public:
    BookingScopePage(const QString &scopeId, QWidget *parent = nullptr);
    void initializePage() override;
    int nextId() const override;
    QComboBox *scopeCombo() const { return m_combo; }

private:
    QString m_initialScope;
    QComboBox *m_combo = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_nodeNote = nullptr;
};

} // namespace icn::ui
