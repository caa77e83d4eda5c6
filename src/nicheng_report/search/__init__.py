"""Search: Material's lunr search, taught Chinese words by jieba, with its worker fixed and its index made smaller."""
