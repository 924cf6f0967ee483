#pragma once

#include <QWizardPage>

class QStandardItemModel;
class QTableView;

namespace icn::ui {

// Optional step: for each cluster and HN in scope, why it does not serve this booking.
class BookingExplainPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit BookingExplainPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;
    QStandardItemModel *model() const { return m_model; }

private:
    QStandardItemModel *m_model = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace icn::ui
