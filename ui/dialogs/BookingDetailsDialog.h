#pragma once

#include "service/MarketService.h"

#include <QDialog>

namespace icn::ui {

// Everything about one booking, exact amounts included, as selectable text.
class BookingDetailsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit BookingDetailsDialog(const BookingRow &booking, QWidget *parent = nullptr);

    const BookingRow &booking() const { return m_booking; }

private:
    BookingRow m_booking;
};

} // namespace icn::ui
