#pragma once

#include "SecureBytes.h"

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace icn::ui {

// Shows a recovery phrase as numbered words in columns, for writing down. The words cannot be
// selected or copied, and clear() empties every label so the phrase does not linger in the widget.
class MnemonicWordGrid : public QWidget
{
    Q_OBJECT

public:
    explicit MnemonicWordGrid(QWidget *parent = nullptr);
    ~MnemonicWordGrid() override;

    void setMnemonic(const SecureBytes &mnemonic);
    void clear();

    int wordCount() const { return m_shown; }
    bool isEmpty() const { return m_shown == 0; }

private:
    QGridLayout *m_layout = nullptr;
    QList<QLabel *> m_labels;
    int m_shown = 0;
};

} // namespace icn::ui
